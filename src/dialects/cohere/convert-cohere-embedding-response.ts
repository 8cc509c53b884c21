import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { CohereEmbedResponse } from './cohere-wire-types.js';

/** A Cohere `/v2/embed` response (`embeddings.float`, one vector per text) as an OpenAI embedding list. */
export function convertCohereEmbeddingResponse(body: unknown, route: ResolvedRoute): EmbeddingResponse {
  const vectors = (body as CohereEmbedResponse | null)?.embeddings?.float;
  if (!Array.isArray(vectors) || !vectors.every((vector) => Array.isArray(vector))) {
    throw new InvalidResponseError(`${route.provider.id}: the embed response has no "embeddings.float" vectors`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  const meta = (body as CohereEmbedResponse).meta;
  const tokens = meta?.tokens?.input_tokens ?? meta?.billed_units?.input_tokens;
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: vector })),
    model: route.model,
    ...(typeof tokens === 'number' ? { usage: { prompt_tokens: tokens, total_tokens: tokens } } : {}),
  };
}
