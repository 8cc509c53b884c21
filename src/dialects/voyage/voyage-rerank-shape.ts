import type { RerankRequest, RerankResponse } from '../../../generated/types/index.js';
import { validateRerankResponse } from '../../../generated/validators/rerank-response.js';
import { convertRerankDocuments } from '../shared/convert-rerank-documents.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';

interface VoyageRerankBody {
  readonly object?: string;
  readonly model?: string;
  readonly data?: ReadonlyArray<{
    readonly index: number;
    readonly relevance_score: number;
    readonly document?: string;
  }>;
  readonly usage?: { readonly total_tokens?: number };
}

/** Voyage's `POST /v1/rerank`: `top_k` for `top_n`, results under `data`. */
export const voyageRerankShape: WireShape<RerankRequest> = {
  buildRequest(request, route) {
    const { texts, warnings } = convertRerankDocuments(request.documents);
    const { top_n: topN, max_tokens_per_doc: maxTokens, rank_fields: rankFields, ...rest } = request;
    if (maxTokens !== undefined) warnings.push('dropped "max_tokens_per_doc": Voyage truncates with "truncation"');
    if (rankFields !== undefined) warnings.push('dropped "rank_fields": Voyage ranks whole documents');
    return {
      endpoint: 'rerank',
      method: 'POST',
      path: resolveEndpointPath(route, 'rerank', '/rerank'),
      body: mergeExtraBody(rest, { model: route.model, documents: texts, top_k: topN }),
      warnings,
    };
  },
  readResponse(sent, context) {
    const body = (sent.body ?? {}) as VoyageRerankBody;
    if (!Array.isArray(body.data))
      return parseEndpointBody<RerankResponse>(sent.body, context.route, validateRerankResponse, 'rerank');
    const response = {
      ...(body.object === undefined ? {} : { object: body.object }),
      model: body.model ?? context.route.model,
      results: body.data.map((item) => ({
        index: item.index,
        relevance_score: item.relevance_score,
        ...(typeof item.document === 'string' ? { document: { text: item.document } } : {}),
      })),
      ...(body.usage === undefined ? {} : { usage: body.usage }),
    };
    return parseEndpointBody<RerankResponse>(response, context.route, validateRerankResponse, 'rerank');
  },
};
