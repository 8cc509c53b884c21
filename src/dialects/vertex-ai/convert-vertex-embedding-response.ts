import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { convertGeminiErrorResponse } from '../gemini/convert-gemini-error-response.js';

interface VertexPrediction {
  embeddings?: { values?: unknown; statistics?: { token_count?: unknown } };
}

/**
 * A text-embedding `predict` response (`predictions[].embeddings.values`, with a token count per
 * input in `statistics`) as OpenAI's embedding list, the token counts summed as usage.
 */
export function convertVertexEmbeddingResponse(body: unknown, route: ResolvedRoute): EmbeddingResponse {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  if (record?.error !== undefined) throw convertGeminiErrorResponse(undefined, body, route);
  const predictions = record?.predictions;
  if (!Array.isArray(predictions) || !predictions.every((entry) => Array.isArray((entry as VertexPrediction | null)?.embeddings?.values))) {
    throw new InvalidResponseError(`${route.provider.id}: the embedding response has no predictions[].embeddings.values`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  let tokens = 0;
  let counted = false;
  const data = (predictions as VertexPrediction[]).map((prediction, index) => {
    const count = prediction.embeddings?.statistics?.token_count;
    if (typeof count === 'number') {
      tokens += count;
      counted = true;
    }
    return { object: 'embedding', index, embedding: prediction.embeddings?.values as number[] };
  });
  const response: EmbeddingResponse = { object: 'list', model: route.model, data };
  if (counted) response.usage = { prompt_tokens: tokens, total_tokens: tokens };
  return response;
}
