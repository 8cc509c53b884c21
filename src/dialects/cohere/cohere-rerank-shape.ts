import type { RerankRequest, RerankResponse, RerankResult } from '../../../generated/types/index.js';
import { validateRerankResponse } from '../../../generated/validators/rerank-response.js';
import { convertRerankDocuments } from '../shared/convert-rerank-documents.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';

interface CohereRerankBody {
  readonly id?: string;
  readonly results?: ReadonlyArray<{ readonly index: number; readonly relevance_score: number }>;
  readonly meta?: { readonly billed_units?: { readonly search_units?: number } };
}

/**
 * Cohere's `POST /v2/rerank`. v2 takes documents as strings and no longer returns them, so with
 * `return_documents` the client attaches each request document to its result.
 */
export const cohereRerankShape: WireShape<RerankRequest> = {
  buildRequest(request, route) {
    const { texts, warnings } = convertRerankDocuments(request.documents);
    const { return_documents: _returnDocuments, rank_fields: rankFields, ...rest } = request;
    if (rankFields !== undefined) warnings.push('dropped "rank_fields": Cohere v2 ranks whole documents');
    return {
      endpoint: 'rerank',
      method: 'POST',
      path: resolveEndpointPath(route, 'rerank', '/v2/rerank'),
      body: mergeExtraBody(rest, { model: route.model, documents: texts }),
      warnings,
    };
  },
  readResponse(sent, context) {
    const body = (sent.body ?? {}) as CohereRerankBody;
    const request = context.request as RerankRequest;
    const results = Array.isArray(body.results)
      ? body.results.map((result): RerankResult => {
          const document = request.return_documents === true ? request.documents[result.index] : undefined;
          return {
            index: result.index,
            relevance_score: result.relevance_score,
            ...(document === undefined
              ? {}
              : { document: typeof document === 'string' ? { text: document } : document }),
          };
        })
      : body.results;
    const searchUnits = body.meta?.billed_units?.search_units;
    const response = {
      ...(body.id === undefined ? {} : { id: body.id }),
      model: context.route.model,
      results,
      ...(searchUnits === undefined ? {} : { usage: { search_units: searchUnits } }),
      ...(body.meta === undefined ? {} : { meta: body.meta }),
    };
    return parseEndpointBody<RerankResponse>(
      Array.isArray(results) ? response : sent.body,
      context.route,
      validateRerankResponse,
      'rerank',
    );
  },
};
