import type { ModelsListResponse } from '../../../generated/types/index.js';
import { validateModelsListResponse } from '../../../generated/validators/models-list-response.js';
import { isRecord } from '../shared/is-record.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { readCloudflareResult } from './read-cloudflare-result.js';
import { fillModelCreated } from '../shared/fill-model-created.js';

/** Workers AI's `GET /models/search` (`result[]` with `name` and `task`) as OpenAI's model list. */
export const cloudflareListModelsShape: WireShape = {
  buildRequest: (_request, route) => ({
    endpoint: 'models',
    method: 'GET',
    path: resolveEndpointPath(route, 'models', '/models/search'),
    query: { per_page: 1000 },
    warnings: [],
  }),
  readResponse(sent, context) {
    const result = readCloudflareResult(sent.body, context.route, 'models list');
    const list = Array.isArray(result)
      ? { object: 'list', data: result.filter(isRecord).map((model) => ({ id: model.name, object: 'model', owned_by: 'cloudflare' })) }
      : result;
    return fillModelCreated(parseEndpointBody<ModelsListResponse>(list, context.route, validateModelsListResponse, 'models list'));
  },
};
