import { compactResult, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * Linkup: `POST /search` with `q`, `maxResults`, `includeDomains`, and the two fields it requires:
 * `depth` (`standard` unless `extra_body` says `deep` or `fast`) and `outputType` (`searchResults`,
 * the only one that answers a result list). It has no country parameter: `country` is dropped
 * with a warning. Results carry `name`, `url` and `content`.
 */
export const linkupSearchShape = createSearchShape({
  method: 'POST',
  convert: (request) => ({
    params: {
      q: request.query,
      depth: 'standard',
      outputType: 'searchResults',
      maxResults: request.max_results,
      includeDomains: request.search_domain_filter,
    },
    warnings: request.country === undefined ? [] : ['dropped "country": Linkup has no country parameter; name the place in the query'],
  }),
  results: (body) => body.results,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'name'),
      url: readString(item, 'url'),
      snippet: readString(item, 'content'),
    }),
});
