import type { ModelsListResponse } from '../../../generated/types/index.js';
import { validateModelsListResponse } from '../../../generated/validators/models-list-response.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { fillModelCreated } from '../shared/fill-model-created.js';

/** ElevenLabs' `GET /v1/models`: a bare array of `{ model_id, name, ... }`, as OpenAI's model list. */
export const elevenLabsListModelsShape: WireShape = {
  buildRequest: (_request, route) => ({
    endpoint: 'models',
    method: 'GET',
    path: resolveEndpointPath(route, 'models', '/models'),
    warnings: [],
  }),
  readResponse(sent, context) {
    const body = sent.body;
    const list = Array.isArray(body)
      ? {
          object: 'list',
          data: body.map((model: { readonly model_id?: unknown }) => ({ id: model.model_id, object: 'model', owned_by: 'elevenlabs' })),
        }
      : body;
    return fillModelCreated(parseEndpointBody<ModelsListResponse>(list, context.route, validateModelsListResponse, 'models list'));
  },
};
