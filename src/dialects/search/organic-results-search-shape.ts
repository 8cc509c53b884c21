import { appendSiteFilter } from './append-site-filter.js';
import { compactResult, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * SerpApi and SearchApi, which answer alike: `GET` with `q`, `num` and `gl` (the `engine` comes
 * from the registry's query quirk, `google` by default); domain filters as `site:` operators.
 * Results are `organic_results` (`link`, `snippet`; absent when nothing was found, unless the
 * answer holds an `error`, which is thrown), the id `search_metadata.id`.
 */
export const organicResultsSearchShape = createSearchShape({
  method: 'GET',
  convert: (request) => ({
    params: {
      q: appendSiteFilter(request.query, request.search_domain_filter),
      num: request.max_results,
      gl: request.country?.toLowerCase(),
    },
  }),
  results: (body) => body.organic_results ?? (body.error === undefined ? [] : undefined),
  id: (body) => (body.search_metadata as { id?: unknown } | undefined)?.id,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'link'),
      snippet: readString(item, 'snippet'),
      date: readString(item, 'date'),
    }),
});
