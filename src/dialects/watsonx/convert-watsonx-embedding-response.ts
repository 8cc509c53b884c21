import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { validateEmbeddingResponse } from '../../../generated/validators/embedding-response.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { isRecord } from '../shared/is-record.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';

/** watsonx's `{ model_id, results: [{ embedding }], input_token_count }` as OpenAI's embedding list. */
export function convertWatsonxEmbeddingResponse(body: unknown, route: ResolvedRoute): EmbeddingResponse {
  if (!isRecord(body) || !Array.isArray(body.results)) {
    return parseEndpointBody<EmbeddingResponse>(body, route, validateEmbeddingResponse, 'embedding');
  }
  const tokens = typeof body.input_token_count === 'number' ? body.input_token_count : undefined;
  const response = {
    object: 'list',
    model: typeof body.model_id === 'string' ? body.model_id : route.model,
    data: body.results.map((result: unknown, index) => ({
      object: 'embedding',
      index,
      embedding: isRecord(result) ? result.embedding : undefined,
    })),
    ...(tokens === undefined ? {} : { usage: { prompt_tokens: tokens, total_tokens: tokens } }),
  };
  return parseEndpointBody<EmbeddingResponse>(response, route, validateEmbeddingResponse, 'embedding');
}
