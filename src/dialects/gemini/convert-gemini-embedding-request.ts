import type { EmbeddingRequest } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { parseEmbeddingTexts } from './parse-embedding-texts.js';

export const DEFAULT_GEMINI_EMBEDDINGS_PATH = '/models/{model}:batchEmbedContents';

/**
 * An OpenAI embedding request as one Gemini `batchEmbedContents` call: one `EmbedContentRequest`
 * per input text, `dimensions` as `outputDimensionality`. `extra_body` (e.g. `taskType`, `title`)
 * is merged into each of those requests, where Gemini reads such options.
 */
export function convertGeminiEmbeddingRequest(request: EmbeddingRequest, route: ResolvedRoute): WireRequest {
  const provider = route.provider.id;
  const texts = parseEmbeddingTexts(request.input, provider);
  const warnings: string[] = [];
  if (request.encoding_format === 'base64') warnings.push('encoding_format "base64": Gemini returns float arrays, which are passed on as they are');
  if (request.user !== undefined) warnings.push('user: Gemini has no equivalent; dropped');
  const extra = request.extra_body ?? {};
  // Each entry names its model; a bare id needs the `models/` collection prefix.
  const model = route.model.includes('/') ? route.model : `models/${route.model}`;
  const requests = texts.map((text) => ({
    model,
    content: { parts: [{ text }] },
    ...(request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions }),
    ...extra,
  }));
  return {
    endpoint: 'embeddings',
    method: 'POST',
    path: route.provider.definition.endpoints.embeddings?.path ?? DEFAULT_GEMINI_EMBEDDINGS_PATH,
    body: { requests },
    warnings,
  };
}
