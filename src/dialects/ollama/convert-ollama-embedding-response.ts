import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/** Ollama's `/api/embed` answer (`embeddings`, one vector per input; `prompt_eval_count`) as an OpenAI embedding list. */
export function convertOllamaEmbeddingResponse(body: unknown, route: ResolvedRoute): EmbeddingResponse {
  const record = (body ?? {}) as { embeddings?: unknown; prompt_eval_count?: unknown };
  const vectors = record.embeddings;
  if (!Array.isArray(vectors) || !vectors.every((vector) => Array.isArray(vector))) {
    throw new InvalidResponseError(`${route.provider.id}: the embed response has no "embeddings" vectors`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  const tokens = record.prompt_eval_count;
  return {
    object: 'list',
    data: vectors.map((vector: number[], index) => ({ object: 'embedding', index, embedding: vector })),
    model: route.model,
    ...(typeof tokens === 'number' ? { usage: { prompt_tokens: tokens, total_tokens: tokens } } : {}),
  };
}
