import type { SearchRequest } from '../../../generated/types/index.js';
import { resolveEndpointPath } from '../resolve-endpoint-path.js';
import type { EndpointShape } from '../endpoint-operation.js';
import { mergeExtraBody } from '../merge-extra-body.js';
import { compactResult, createSearchResponse, readString } from './create-search-response.js';

/**
 * Exa: `POST /search` with `numResults`, `includeDomains` and `userLocation`. The snippet is the
 * first of `highlights`, `summary` and `text` that the result carries (ask for them with
 * `extra_body: { contents: { highlights: true } }`).
 */
export const exaSearchShape: EndpointShape<SearchRequest> = {
  buildRequest(request, route) {
    const { model: _model, max_results: maxResults, search_domain_filter: domains, country, ...rest } = request;
    return {
      method: 'POST',
      path: resolveEndpointPath(route, 'search', '/search'),
      body: {
        kind: 'json',
        value: mergeExtraBody(rest, { numResults: maxResults, includeDomains: domains, userLocation: country }),
      },
      response: 'json',
    };
  },
  readResponse(sent, context) {
    const body = sent.body as { results?: unknown; requestId?: unknown } | null;
    return createSearchResponse(
      sent.body,
      body?.results,
      context.route,
      (item) => {
        const highlights = Array.isArray(item.highlights)
          ? item.highlights.filter((part) => typeof part === 'string')
          : [];
        return compactResult({
          title: readString(item, 'title'),
          url: readString(item, 'url'),
          snippet: highlights.length > 0 ? highlights.join(' … ') : readString(item, 'summary', 'text'),
          date: readString(item, 'publishedDate'),
          score: typeof item.score === 'number' ? item.score : undefined,
        });
      },
      body?.requestId,
    );
  },
};
