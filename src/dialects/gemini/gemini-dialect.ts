import type { Dialect } from '../dialect.js';
import { createListModelsRequest } from '../shared/create-list-models-request.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertGeminiChatRequest } from './convert-gemini-chat-request.js';
import { convertGeminiChatResponse } from './convert-gemini-chat-response.js';
import { convertGeminiEmbeddingRequest } from './convert-gemini-embedding-request.js';
import { convertGeminiEmbeddingResponse } from './convert-gemini-embedding-response.js';
import { convertGeminiErrorResponse } from './convert-gemini-error-response.js';
import { convertGeminiModelsResponse } from './convert-gemini-models-response.js';
import { createGeminiStreamConverter } from './create-gemini-stream-converter.js';

/**
 * The Gemini API (generativelanguage.googleapis.com): `generateContent`,
 * `streamGenerateContent?alt=sse`, `batchEmbedContents` and `models.list`, with the API key in
 * the `x-goog-api-key` header (set by the registry's auth scheme).
 */
export const geminiDialect: Dialect = withRegistryQuirks({
  name: 'gemini',
  convertChatRequest: convertGeminiChatRequest,
  convertChatResponse: convertGeminiChatResponse,
  createChatStreamConverter: createGeminiStreamConverter,
  convertEmbeddingRequest: convertGeminiEmbeddingRequest,
  convertEmbeddingResponse: convertGeminiEmbeddingResponse,
  // The default page is 50 models; 1000 is the documented maximum and covers the catalogue.
  convertListModelsRequest: (route) => createListModelsRequest(route, '/models', 'pageSize', 1000),
  convertListModelsResponse: convertGeminiModelsResponse,
  convertErrorResponse: convertGeminiErrorResponse,
});
