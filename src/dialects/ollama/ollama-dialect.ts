import type { Dialect } from '../dialect.js';
import { parseNdjsonEvents } from '../../transport/parse-ndjson-events.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertOllamaChatRequest } from './convert-ollama-chat-request.js';
import { convertOllamaChatResponse } from './convert-ollama-chat-response.js';
import { convertOllamaEmbeddingRequest } from './convert-ollama-embedding-request.js';
import { convertOllamaEmbeddingResponse } from './convert-ollama-embedding-response.js';
import { convertOllamaModelsResponse } from './convert-ollama-models-response.js';
import { createOllamaStreamConverter } from './create-ollama-stream-converter.js';

/**
 * Ollama's native API (`ollama_chat`): `POST /api/chat` (one JSON answer, or newline-delimited
 * JSON when streaming), `POST /api/embed`, `GET /api/tags`; `completion` on `/api/generate` is an
 * endpoint shape. Errors are `{ "error": "..." }` with the HTTP status: the shared mapping reads them.
 */
export const ollamaDialect: Dialect = withRegistryQuirks({
  name: 'ollama',
  convertChatRequest: (request, route, stream) => convertOllamaChatRequest(request, route, stream),
  convertChatResponse: (body, route) => convertOllamaChatResponse(body, route),
  createChatStreamConverter: (route) => createOllamaStreamConverter(route),
  decodeStream: (body) => parseNdjsonEvents(body),
  convertEmbeddingRequest: (request, route) => convertOllamaEmbeddingRequest(request, route),
  convertEmbeddingResponse: (body, route) => convertOllamaEmbeddingResponse(body, route),
  convertListModelsRequest: (route) => ({ endpoint: 'models', method: 'GET', path: resolveEndpointPath(route, 'models', '/api/tags'), warnings: [] }),
  convertListModelsResponse: (body, route) => convertOllamaModelsResponse(body, route),
});
