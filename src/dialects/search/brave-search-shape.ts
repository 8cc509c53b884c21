import type { SearchRequest } from '../../../generated/types/index.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { compactResult, createSearchResponse, readString } from './create-search-response.js';

/**
 * Brave Web Search: `GET /web/search?q=...&count=...`. Domain filters become `site:` operators in
 * the query (Brave has no filter parameter); `extra_body` keys become query parameters.
 */
export const braveSearchShape: WireShape<SearchRequest> = {
  buildRequest(request, route) {
    const domains = request.search_domain_filter ?? [];
    const sites = domains.map((domain) => `site:${domain}`);
    const filter = sites.length === 0 ? '' : sites.length === 1 ? ` ${sites[0]}` : ` (${sites.join(' OR ')})`;
    const extra = Object.entries(request.extra_body ?? {}).map(([name, value]) => [name, String(value)] as const);
    return {
      endpoint: 'search',
      method: 'GET',
      path: resolveEndpointPath(route, 'search', '/web/search'),
      query: {
        q: `${request.query}${filter}`,
        count: request.max_results,
        country: request.country,
        ...Object.fromEntries(extra),
      },
      warnings: [],
    };
  },
  readResponse(sent, context) {
    const body = sent.body as { web?: { results?: unknown } } | null;
    return createSearchResponse(sent.body, body?.web?.results ?? [], context.route, (item) =>
      compactResult({
        title: readString(item, 'title'),
        url: readString(item, 'url'),
        snippet: readString(item, 'description'),
        date: readString(item, 'page_age', 'age'),
      }),
    );
  },
};
