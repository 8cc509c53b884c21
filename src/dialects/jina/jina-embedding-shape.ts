import type { EmbeddingResponse } from '../../../generated/types/index.js';
import { validateEmbeddingResponse } from '../../../generated/validators/embedding-response.js';
import { createEmbedShape } from '../shared/create-embed-shape.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';

/**
 * Jina's `POST /v1/embeddings`: OpenAI's body and answer, except that the vector encoding is
 * `embedding_type` (float by default) and there is no `user`. `task`, `late_chunking`,
 * `normalized` and image inputs go in `extra_body`.
 */
export const jinaEmbeddingShape = createEmbedShape(
  (request, route) => {
    const { encoding_format: encoding, user, ...rest } = request;
    const warnings: string[] = [];
    if (user !== undefined) warnings.push('dropped "user": Jina embeddings take no end-user id');
    return {
      endpoint: 'embeddings',
      method: 'POST',
      path: resolveEndpointPath(route, 'embeddings', '/embeddings'),
      body: mergeExtraBody(rest, { model: route.model, embedding_type: encoding === 'base64' ? 'base64' : undefined }),
      warnings,
    };
  },
  (body, route) => parseEndpointBody<EmbeddingResponse>(body, route, validateEmbeddingResponse, 'embedding'),
);
