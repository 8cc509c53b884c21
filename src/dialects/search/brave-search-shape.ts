import { appendSiteFilter } from './append-site-filter.js';
import { compactResult, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * Brave Web Search: `GET /web/search?q=...&count=...`. Domain filters become `site:` operators in
 * the query (Brave has no filter parameter); `extra_body` keys become query parameters.
 */
export const braveSearchShape = createSearchShape({
  method: 'GET',
  defaultPath: '/web/search',
  convert: (request) => ({
    params: { q: appendSiteFilter(request.query, request.search_domain_filter), count: request.max_results, country: request.country },
  }),
  results: (body) => (body.web as { results?: unknown } | undefined)?.results ?? [],
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readString(item, 'description'),
      date: readString(item, 'page_age', 'age'),
    }),
});
