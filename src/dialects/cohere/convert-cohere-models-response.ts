import type { ModelsListResponse } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { readNamedModels } from '../shared/read-named-models.js';

/**
 * Cohere's `GET /v1/models` (`{ models: [{ name, endpoints, context_length, ... }] }`) as an OpenAI
 * model list. The Cohere fields (endpoints, context_length, features) stay on each entry.
 */
export function convertCohereModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse {
  return {
    object: 'list',
    data: readNamedModels(body, route).map(({ name, ...details }) => ({ ...details, id: name, object: 'model', owned_by: 'cohere' })),
  };
}
