import type { ModelsListResponse } from '../../../generated/types/index.js';
import { validateModelsListResponse } from '../../../generated/validators/models-list-response.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { isRecord } from '../shared/is-record.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';

/** watsonx's `/foundation_model_specs` (`resources[]` with `model_id` and `provider`) as OpenAI's model list. */
export function convertWatsonxModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse {
  const list =
    isRecord(body) && Array.isArray(body.resources)
      ? {
          object: 'list',
          data: body.resources.filter(isRecord).map((resource) => ({
            id: resource.model_id,
            object: 'model',
            ...(typeof resource.provider === 'string' ? { owned_by: resource.provider } : {}),
          })),
        }
      : body;
  return parseEndpointBody<ModelsListResponse>(list, route, validateModelsListResponse, 'models list');
}
