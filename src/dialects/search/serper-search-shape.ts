import { appendSiteFilter } from './append-site-filter.js';
import { compactResult, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * Serper (Google results): `POST /search` with `q`, `num` and `gl` (a lower-case country code);
 * domain filters as `site:` operators. Results are the answer's `organic` list (`link`, `snippet`).
 */
export const serperSearchShape = createSearchShape({
  method: 'POST',
  convert: (request) => ({
    params: {
      q: appendSiteFilter(request.query, request.search_domain_filter),
      num: request.max_results,
      gl: request.country?.toLowerCase(),
    },
  }),
  results: (body) => body.organic,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'link'),
      snippet: readString(item, 'snippet'),
      date: readString(item, 'date'),
    }),
});
