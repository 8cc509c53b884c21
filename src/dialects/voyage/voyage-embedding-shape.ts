import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { validateEmbeddingResponse } from '../../../generated/validators/embedding-response.js';
import { createEmbedShape } from '../shared/create-embed-shape.js';
import { isRecord } from '../shared/is-record.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';

/**
 * Voyage's `POST /v1/embeddings`: `dimensions` is `output_dimension`, float vectors are the
 * default (its `encoding_format` knows only `base64`), there is no `user`, and usage counts
 * `total_tokens` only (all of them input). `input_type`, `truncation` and `output_dtype` go in
 * `extra_body`.
 */
export const voyageEmbeddingShape = createEmbedShape(
  (request, route) => {
    const { encoding_format: encoding, dimensions, user, ...rest } = request;
    const warnings: string[] = [];
    if (user !== undefined) warnings.push('dropped "user": Voyage embeddings take no end-user id');
    return {
      endpoint: 'embeddings',
      method: 'POST',
      path: resolveEndpointPath(route, 'embeddings', '/embeddings'),
      body: mergeExtraBody(rest, {
        model: route.model,
        output_dimension: dimensions,
        encoding_format: encoding === 'base64' ? 'base64' : undefined,
      }),
      warnings,
    };
  },
  (body, route) => {
    const usage = isRecord(body) && isRecord(body.usage) ? body.usage : undefined;
    const withUsage =
      usage !== undefined && usage.prompt_tokens === undefined && typeof usage.total_tokens === 'number'
        ? { ...(body as Record<string, unknown>), usage: { ...usage, prompt_tokens: usage.total_tokens } }
        : body;
    return parseEndpointBody<EmbeddingResponse>(withUsage, route, validateEmbeddingResponse, 'embedding');
  },
);
