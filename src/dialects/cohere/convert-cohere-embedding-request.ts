import type { EmbeddingRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { createCohereWireRequest } from './create-cohere-wire-request.js';

/**
 * An OpenAI embeddings request as Cohere's `POST /v2/embed`. Cohere embed models v3 and later need
 * an `input_type`; OpenAI's request has none, so `search_document` (what an index stores) is the
 * default, and `extra_body: { input_type: 'search_query' }` is how queries are embedded. Floats are
 * always requested: the response conversion cannot see the request, so `encoding_format: 'base64'`
 * is reported and floats come back.
 */
export function convertCohereEmbeddingRequest(request: EmbeddingRequest, route: ResolvedRoute): WireRequest {
  const providerId = route.provider.id;
  const texts = typeof request.input === 'string' ? [request.input] : request.input;
  if (!texts.every((text): text is string => typeof text === 'string')) {
    throw new BadRequestError(`${providerId}: input must be text; Cohere does not embed token ids`, { provider: providerId });
  }
  const warnings: string[] = [];
  if (request.user !== undefined) warnings.push('dropped "user": Cohere has no end-user field');
  if (request.encoding_format === 'base64') warnings.push('encoding_format "base64": Cohere returns float vectors, passed on as floats');
  const body: Record<string, unknown> = {
    model: route.model,
    texts,
    input_type: 'search_document',
    embedding_types: ['float'],
  };
  if (request.dimensions !== undefined) body.output_dimension = request.dimensions;
  return createCohereWireRequest(route, 'embeddings', '/v2/embed', body, request.extra_body, warnings);
}
