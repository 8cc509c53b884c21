import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * A Titan (`{embedding, inputTextTokenCount}`) or Cohere (`{embeddings: [[...]]}` or, with
 * `embedding_types`, `{embeddings: {float: [[...]]}}`) InvokeModel answer as an OpenAI embedding
 * list. Cohere on Bedrock reports no token counts in the body: its usage is left out here and
 * recordEmbeddingUsage fills zeros with a warning.
 */
export function convertBedrockEmbeddingResponse(body: unknown, route: ResolvedRoute): EmbeddingResponse {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const titan = isVector(record.embedding) ? record.embedding : (record.embeddingsByType as { float?: unknown } | undefined)?.float;
  if (isVector(titan)) {
    const tokens = typeof record.inputTextTokenCount === 'number' ? record.inputTextTokenCount : undefined;
    return {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: titan }],
      model: route.model,
      ...(tokens === undefined ? {} : { usage: { prompt_tokens: tokens, total_tokens: tokens } }),
    };
  }
  const embeddings = record.embeddings;
  const vectors = Array.isArray(embeddings) ? embeddings : (embeddings as { float?: unknown } | undefined)?.float;
  if (Array.isArray(vectors) && vectors.every(isVector)) {
    return {
      object: 'list',
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      model: route.model,
    };
  }
  throw new InvalidResponseError(`${route.provider.id}: the embedding response has neither a Titan "embedding" nor Cohere "embeddings" float vectors`, {
    provider: route.provider.id,
    model: route.model,
    body,
  });
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}
