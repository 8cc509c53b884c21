import type { RerankRequest, RerankResponse } from '../../../generated/types/index.js';
import { validateRerankResponse } from '../../../generated/validators/rerank-response.js';
import { convertRerankDocuments } from '../shared/convert-rerank-documents.js';
import { isRecord } from '../shared/is-record.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';

/**
 * watsonx.ai's `POST /ml/v1/text/rerank`: `{ model_id, project_id, query, inputs: [{ text }],
 * parameters: { return_options: { top_n, inputs } } }` in; `results[]` with `index`, `score` and,
 * when asked, `input.text` out, as OpenAI-style `relevance_score` and `document`.
 */
export const watsonxRerankShape: WireShape<RerankRequest> = {
  buildRequest(request, route) {
    const { texts, warnings } = convertRerankDocuments(request.documents);
    const { query, top_n: topN, return_documents: returnDocuments, max_tokens_per_doc: maxTokens, rank_fields: rankFields, extra_body: extraBody } = request;
    if (rankFields !== undefined) warnings.push('dropped "rank_fields": watsonx ranks whole documents');
    const returnOptions = { top_n: topN, inputs: returnDocuments };
    return {
      endpoint: 'rerank',
      method: 'POST',
      path: resolveEndpointPath(route, 'rerank', '/text/rerank'),
      body: mergeExtraBody(
        { extra_body: extraBody },
        {
          model_id: route.model,
          project_id: route.provider.urlVariable?.('project_id'),
          query,
          inputs: texts.map((text) => ({ text })),
          parameters: mergeExtraBody({
            truncate_input_tokens: maxTokens,
            return_options: topN === undefined && returnDocuments === undefined ? undefined : mergeExtraBody(returnOptions),
          }),
        },
      ),
      warnings,
    };
  },
  readResponse(sent, context) {
    const body = sent.body;
    if (!isRecord(body) || !Array.isArray(body.results)) {
      return parseEndpointBody<RerankResponse>(body, context.route, validateRerankResponse, 'rerank');
    }
    const tokens = typeof body.input_token_count === 'number' ? body.input_token_count : undefined;
    const response = {
      model: typeof body.model_id === 'string' ? body.model_id : context.route.model,
      results: body.results.filter(isRecord).map((result) => ({
        index: result.index,
        relevance_score: result.score,
        ...(isRecord(result.input) && typeof result.input.text === 'string' ? { document: { text: result.input.text } } : {}),
      })),
      ...(tokens === undefined ? {} : { usage: { total_tokens: tokens } }),
    };
    return parseEndpointBody<RerankResponse>(response, context.route, validateRerankResponse, 'rerank');
  },
};
