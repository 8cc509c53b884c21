import type { ModelsListResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * Cohere's `GET /v1/models` (`{ models: [{ name, endpoints, context_length, ... }] }`) as an OpenAI
 * model list. The Cohere fields (endpoints, context_length, features) stay on each entry.
 */
export function convertCohereModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse {
  const models = body !== null && typeof body === 'object' ? (body as { models?: unknown }).models : undefined;
  if (!Array.isArray(models)) {
    throw new InvalidResponseError(`${route.provider.id}: the models response has no "models" array`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  return {
    object: 'list',
    data: models
      .filter((model): model is Record<string, unknown> & { name: string } => typeof (model as { name?: unknown })?.name === 'string')
      .map(({ name, ...details }) => ({ ...details, id: name, object: 'model', owned_by: 'cohere' })),
  };
}
