import type { EmbeddingRequest, EmbeddingResponse } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import type { WireShape } from '../wire-shape.js';

/**
 * The `embed` shape from a request and a response conversion: the one place that records an
 * embedding call's usage (prompt tokens only) in `callInfo()`, for dialects and for wire formats
 * without a dialect module (Jina, Voyage) alike.
 */
export function createEmbedShape(
  convertRequest: (request: EmbeddingRequest, route: ResolvedRoute) => WireRequest,
  convertResponse: (body: unknown, route: ResolvedRoute) => EmbeddingResponse,
): WireShape {
  return {
    buildRequest: (request, route) => convertRequest(request as EmbeddingRequest, route),
    readResponse(sent, context) {
      const response = convertResponse(sent.body, context.route);
      if (response.usage) {
        const prompt = response.usage.prompt_tokens ?? 0;
        context.info.usage = {
          prompt_tokens: prompt,
          completion_tokens: 0,
          total_tokens: response.usage.total_tokens ?? prompt,
        };
      }
      return response;
    },
  };
}
