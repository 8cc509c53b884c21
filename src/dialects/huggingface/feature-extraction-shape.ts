import type { EmbeddingRequest, EmbeddingResponse } from '../../../generated/types/index.js';
import { validateEmbeddingResponse } from '../../../generated/validators/embedding-response.js';
import { BadRequestError, InvalidResponseError } from '../../errors/error-classes.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { recordEmbeddingUsage } from '../shared/record-embedding-usage.js';

/**
 * `embed` on Hugging Face's feature-extraction pipeline (`POST .../models/{model}/pipeline/feature-extraction`):
 * `inputs` as a list of texts, the answer one pooled vector per text. A model that is not a
 * sentence-embedding model answers a vector per token, which is refused rather than averaged.
 */
export const featureExtractionShape: WireShape<EmbeddingRequest> = {
  buildRequest(request, route) {
    const provider = route.provider.id;
    const texts = typeof request.input === 'string' ? [request.input] : request.input;
    if (!texts.every((text): text is string => typeof text === 'string')) {
      throw new BadRequestError(`${provider}: input must be text; the feature-extraction pipeline does not embed token ids`, { provider });
    }
    const warnings: string[] = [];
    if (request.dimensions !== undefined) warnings.push('dropped "dimensions": the feature-extraction pipeline returns the model\'s own size');
    if (request.user !== undefined) warnings.push('dropped "user": Hugging Face has no end-user field');
    if (request.encoding_format === 'base64') warnings.push('encoding_format "base64": Hugging Face returns float vectors, passed on as floats');
    return {
      endpoint: 'embeddings',
      method: 'POST',
      // Hub ids are `owner/name`, a path on the router: the slash stays a slash.
      path: resolveEndpointPath(route, 'embeddings', '/{model}/pipeline/feature-extraction').replaceAll(
        '{model}',
        route.model.split('/').map(encodeURIComponent).join('/'),
      ),
      body: mergeExtraBody({ inputs: texts, extra_body: request.extra_body }),
      warnings,
    };
  },
  readResponse(sent, context) {
    const { route } = context;
    const vectors = sent.body;
    if (!Array.isArray(vectors) || !vectors.every((vector) => Array.isArray(vector))) {
      return recordEmbeddingUsage(parseEndpointBody<EmbeddingResponse>(vectors, route, validateEmbeddingResponse, 'embedding'), context);
    }
    if (!vectors.every((vector: unknown[]) => vector.every((value) => typeof value === 'number'))) {
      throw new InvalidResponseError(
        `${route.provider.id}: ${route.model} answered a vector per token, not one per text; use a sentence-embedding model (e.g. sentence-transformers/all-MiniLM-L6-v2)`,
        { provider: route.provider.id, model: route.model },
      );
    }
    return recordEmbeddingUsage(
      { object: 'list', data: vectors.map((vector: number[], index) => ({ object: 'embedding', index, embedding: vector })), model: route.model },
      context,
    );
  },
};
