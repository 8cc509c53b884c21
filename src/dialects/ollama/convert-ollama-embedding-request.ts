import type { EmbeddingRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';

/**
 * An OpenAI embeddings request as Ollama's `POST /api/embed` (`input` text or texts, `dimensions`
 * for models that can shorten their vectors). Ollama returns floats only.
 */
export function convertOllamaEmbeddingRequest(request: EmbeddingRequest, route: ResolvedRoute): WireRequest {
  const provider = route.provider.id;
  const texts = typeof request.input === 'string' ? [request.input] : request.input;
  if (!texts.every((text): text is string => typeof text === 'string')) {
    throw new BadRequestError(`${provider}: input must be text; Ollama does not embed token ids`, { provider });
  }
  const warnings: string[] = [];
  if (request.user !== undefined) warnings.push('dropped "user": Ollama has no end-user field');
  if (request.encoding_format === 'base64') warnings.push('encoding_format "base64": Ollama returns float vectors, passed on as floats');
  return {
    endpoint: 'embeddings',
    method: 'POST',
    path: resolveEndpointPath(route, 'embeddings', '/api/embed'),
    body: mergeExtraBody({ model: route.model, input: texts, dimensions: request.dimensions, extra_body: request.extra_body }),
    warnings,
  };
}
