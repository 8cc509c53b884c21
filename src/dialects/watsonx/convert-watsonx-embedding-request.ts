import type { EmbeddingRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';

/**
 * watsonx.ai's `POST /ml/v1/text/embeddings`: `{ model_id, project_id, inputs: string[] }`. Token
 * ids and base64 vectors have no watsonx equivalent and are refused by name; `dimensions` and
 * `user` are dropped with a warning. `extra_body` (`parameters.truncate_input_tokens`, ...) is
 * merged last.
 */
export function convertWatsonxEmbeddingRequest(request: EmbeddingRequest, route: ResolvedRoute): WireRequest {
  const { input, encoding_format: encoding, dimensions, user, extra_body: extraBody } = request;
  const origin = { provider: route.provider.id, model: route.model };
  const inputs = typeof input === 'string' ? [input] : input;
  if (!inputs.every((item): item is string => typeof item === 'string')) {
    throw new BadRequestError(`embed(request.input): ${route.provider.id} embeds text only; token ids are not accepted`, origin);
  }
  if (encoding === 'base64') {
    throw new BadRequestError(`embed(request.encoding_format): ${route.provider.id} returns float vectors only; "base64" is not available`, origin);
  }
  const warnings: string[] = [];
  if (dimensions !== undefined) warnings.push('dropped "dimensions": watsonx embeddings have a fixed size per model');
  if (user !== undefined) warnings.push('dropped "user": watsonx embeddings take no end-user id');
  return {
    endpoint: 'embeddings',
    method: 'POST',
    path: resolveEndpointPath(route, 'embeddings', '/text/embeddings'),
    body: mergeExtraBody({ extra_body: extraBody }, { model_id: route.model, project_id: route.provider.urlVariable?.('project_id'), inputs }),
    warnings,
  };
}
