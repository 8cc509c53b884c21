import type { EmbeddingRequest, EmbeddingResponse } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import type { WireShape } from '../wire-shape.js';
import { recordEmbeddingUsage } from './record-embedding-usage.js';

/**
 * The `embed` shape from a request and a response conversion, its usage recorded by
 * recordEmbeddingUsage, for dialects and for wire formats without a dialect module (Jina, Voyage)
 * alike.
 */
export function createEmbedShape(
  convertRequest: (request: EmbeddingRequest, route: ResolvedRoute) => WireRequest,
  convertResponse: (body: unknown, route: ResolvedRoute) => EmbeddingResponse,
): WireShape {
  return {
    buildRequest: (request, route) => convertRequest(request as EmbeddingRequest, route),
    readResponse: (sent, context) => recordEmbeddingUsage(convertResponse(sent.body, context.route), context),
  };
}
