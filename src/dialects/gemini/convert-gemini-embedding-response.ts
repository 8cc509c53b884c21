import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { convertGeminiErrorResponse } from './convert-gemini-error-response.js';

/** A `batchEmbedContents` response (`{ embeddings: [{ values }] }`) as OpenAI's embedding list. */
export function convertGeminiEmbeddingResponse(body: unknown, route: ResolvedRoute): EmbeddingResponse {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  if (record?.error !== undefined) throw convertGeminiErrorResponse(undefined, body, route);
  const embeddings = record?.embeddings;
  if (!Array.isArray(embeddings) || !embeddings.every((entry) => Array.isArray((entry as { values?: unknown } | null)?.values))) {
    throw new InvalidResponseError(`${route.provider.id}: the embedding response has no embeddings[].values`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  return {
    object: 'list',
    model: route.model,
    data: embeddings.map((entry, index) => ({ object: 'embedding', index, embedding: (entry as { values: number[] }).values })),
  };
}
