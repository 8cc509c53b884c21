import { appendSiteFilter } from './append-site-filter.js';
import { compactResult, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * Jina Search (`s.jina.ai`): `POST /` with `q`, `num` and `gl`, asking for JSON with
 * `Accept: application/json` (it answers Markdown otherwise); domain filters as `site:` operators.
 * Results are `data` (`title`, `url`, `description`, and the page's `content` Jina read).
 */
export const jinaSearchShape = createSearchShape({
  method: 'POST',
  defaultPath: '/',
  headers: { accept: 'application/json' },
  convert: (request) => ({
    params: {
      q: appendSiteFilter(request.query, request.search_domain_filter),
      num: request.max_results,
      gl: request.country,
    },
  }),
  results: (body) => body.data,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readString(item, 'description', 'content'),
      date: readString(item, 'date', 'publishedTime'),
    }),
});
