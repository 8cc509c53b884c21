import type { SearchRequest } from '../../../generated/types/index.js';
import { resolveEndpointPath } from '../resolve-endpoint-path.js';
import type { EndpointShape } from '../endpoint-operation.js';
import { mergeExtraBody } from '../merge-extra-body.js';
import { compactResult, createSearchResponse, readString } from './create-search-response.js';

/** Tavily: `POST /search` with `include_domains`; results carry `content` and `score`. */
export const tavilySearchShape: EndpointShape<SearchRequest> = {
  buildRequest(request, route) {
    const { model: _model, search_domain_filter: domains, ...rest } = request;
    return {
      method: 'POST',
      path: resolveEndpointPath(route, 'search', '/search'),
      body: { kind: 'json', value: mergeExtraBody(rest, { include_domains: domains }) },
      response: 'json',
    };
  },
  readResponse(sent, context) {
    const body = sent.body as { results?: unknown; request_id?: unknown } | null;
    return createSearchResponse(
      sent.body,
      body?.results,
      context.route,
      (item) =>
        compactResult({
          title: readString(item, 'title'),
          url: readString(item, 'url'),
          snippet: readString(item, 'content'),
          date: readString(item, 'published_date'),
          score: typeof item.score === 'number' ? item.score : undefined,
        }),
      body?.request_id,
    );
  },
};
