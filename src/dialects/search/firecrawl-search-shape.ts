import { appendSiteFilter } from './append-site-filter.js';
import { compactResult, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * Firecrawl v2: `POST /search` with `query` (domain filters as `site:` operators), `limit` and
 * `country`. The answer groups results by source under `data` (`web`, and `news` or `images` when
 * `extra_body: { sources }` asks for them), read in that order; v1's flat `data` list is read too.
 * The snippet is the `description` (a news item's `snippet`), else the scraped `markdown`.
 */
export const firecrawlSearchShape = createSearchShape({
  method: 'POST',
  convert: (request) => ({
    params: {
      query: appendSiteFilter(request.query, request.search_domain_filter),
      limit: request.max_results,
      country: request.country,
    },
  }),
  results(body) {
    const { data } = body;
    if (Array.isArray(data) || data === null || typeof data !== 'object') return data;
    const groups = data as { web?: unknown; news?: unknown; images?: unknown };
    return [groups.web, groups.news, groups.images].flatMap((group) => (Array.isArray(group) ? group : []));
  },
  id: (body) => body.id,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readString(item, 'description', 'snippet', 'markdown'),
      date: readString(item, 'date'),
    }),
});
