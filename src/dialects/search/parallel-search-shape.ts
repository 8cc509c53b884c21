import { compactResult, readExcerpts, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * Parallel Search v1: `POST /v1/search` with the query as both `objective` and the one entry of
 * `search_queries`; `max_results`, `country` (as a lower-case `location`) and domain filters
 * (`source_policy.include_domains`) go in `advanced_settings`. `extra_body` sets the rest
 * (`mode`, more `search_queries`, ...). Results carry `excerpts`, joined as the snippet.
 */
export const parallelSearchShape = createSearchShape({
  method: 'POST',
  defaultPath: '/v1/search',
  convert(request) {
    const { max_results: maxResults, country, search_domain_filter: domains } = request;
    const settings = {
      ...(maxResults === undefined ? {} : { max_results: maxResults }),
      ...(country === undefined ? {} : { location: country.toLowerCase() }),
      ...(domains === undefined ? {} : { source_policy: { include_domains: domains } }),
    };
    return {
      params: {
        objective: request.query,
        search_queries: [request.query],
        advanced_settings: Object.keys(settings).length === 0 ? undefined : settings,
      },
    };
  },
  results: (body) => body.results,
  id: (body) => body.search_id,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readExcerpts(item, 'excerpts'),
      date: readString(item, 'publish_date'),
    }),
});
