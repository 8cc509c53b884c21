import type { Dialect } from '../dialect.js';
import { createListModelsRequest } from '../shared/create-list-models-request.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertWatsonxChatRequest } from './convert-watsonx-chat-request.js';
import { convertWatsonxChatResponse } from './convert-watsonx-chat-response.js';
import { convertWatsonxEmbeddingRequest } from './convert-watsonx-embedding-request.js';
import { convertWatsonxEmbeddingResponse } from './convert-watsonx-embedding-response.js';
import { convertWatsonxErrorResponse } from './convert-watsonx-error-response.js';
import { convertWatsonxModelsResponse } from './convert-watsonx-models-response.js';
import { createWatsonxAuthorizer } from './create-watsonx-authorizer.js';
import { createWatsonxStreamConverter } from './create-watsonx-stream-converter.js';

/**
 * IBM watsonx.ai (`https://{region}.ml.cloud.ibm.com/ml/v1`, `version` query parameter from the
 * registry): chat and streamed chat (`/text/chat`, `/text/chat_stream`), embeddings and the
 * foundation-model list, with an IBM Cloud IAM token exchanged from the API key.
 */
export const watsonxDialect: Dialect = withRegistryQuirks({
  name: 'watsonx',
  convertChatRequest: convertWatsonxChatRequest,
  convertChatResponse: convertWatsonxChatResponse,
  createChatStreamConverter: createWatsonxStreamConverter,
  convertEmbeddingRequest: convertWatsonxEmbeddingRequest,
  convertEmbeddingResponse: convertWatsonxEmbeddingResponse,
  convertListModelsRequest: (route) => createListModelsRequest(route, '/foundation_model_specs', 'limit', 200),
  convertListModelsResponse: convertWatsonxModelsResponse,
  convertErrorResponse: (status, body, route) => convertWatsonxErrorResponse(status, body, { provider: route.provider.id, model: route.model }),
  createAuthorizer: createWatsonxAuthorizer,
});
