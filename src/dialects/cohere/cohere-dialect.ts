import type { Dialect } from '../dialect.js';
import { createListModelsRequest } from '../shared/create-list-models-request.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertCohereChatRequest } from './convert-cohere-chat-request.js';
import { convertCohereChatResponse } from './convert-cohere-chat-response.js';
import { convertCohereEmbeddingRequest } from './convert-cohere-embedding-request.js';
import { convertCohereEmbeddingResponse } from './convert-cohere-embedding-response.js';
import { convertCohereErrorResponse } from './convert-cohere-error-response.js';
import { convertCohereModelsResponse } from './convert-cohere-models-response.js';
import { createCohereStreamConverter } from './create-cohere-stream-converter.js';

/**
 * Cohere's v2 API: `POST /v2/chat` (JSON or SSE with typed events) and `POST /v2/embed`, bearer
 * auth. Rerank is served elsewhere. See the functions for what is native and what is emulated.
 */
export const cohereDialect: Dialect = withRegistryQuirks({
  name: 'cohere',
  convertChatRequest: (request, route, stream) => convertCohereChatRequest(request, route, stream),
  convertChatResponse: (body, route) => convertCohereChatResponse(body, route),
  createChatStreamConverter: (route) => createCohereStreamConverter(route),
  convertEmbeddingRequest: (request, route) => convertCohereEmbeddingRequest(request, route),
  convertEmbeddingResponse: (body, route) => convertCohereEmbeddingResponse(body, route),
  // Cohere pages its model list 20 at a time by default; 1000 is its maximum page.
  convertListModelsRequest: (route) => createListModelsRequest(route, '/v1/models', 'page_size', 1000),
  convertListModelsResponse: (body, route) => convertCohereModelsResponse(body, route),
  convertErrorResponse: (status, body, route) => convertCohereErrorResponse(status, body, { provider: route.provider.id, model: route.model }),
});
