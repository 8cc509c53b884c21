import type { Dialect } from '../dialect.js';
import { convertGeminiChatRequest } from '../gemini/convert-gemini-chat-request.js';
import { convertGeminiChatResponse } from '../gemini/convert-gemini-chat-response.js';
import { convertGeminiErrorResponse } from '../gemini/convert-gemini-error-response.js';
import { createGeminiStreamConverter } from '../gemini/create-gemini-stream-converter.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertVertexEmbeddingRequest } from './convert-vertex-embedding-request.js';
import { convertVertexEmbeddingResponse } from './convert-vertex-embedding-response.js';
import { createVertexAuthorizer } from './create-vertex-authorizer.js';

/**
 * Gemini models on Vertex AI: the same `generateContent` format as the Gemini API (its conversions
 * are reused as they are), under a project and region URL, with OAuth bearer tokens from a
 * service account or a supplied access token instead of an API key, and text-embedding models
 * behind `:predict`. Vertex has no models list for publisher models in v1.
 *
 * The `global` location is served from `aiplatform.googleapis.com`, not `global-aiplatform...`,
 * which the registry's `{location}-aiplatform` host template cannot express; set
 * `providers.vertex_ai.baseURL` to `https://aiplatform.googleapis.com/v1/projects/{project}/locations/global`.
 */
export const vertexAiDialect: Dialect = withRegistryQuirks({
  name: 'vertex_ai',
  convertChatRequest: convertGeminiChatRequest,
  convertChatResponse: convertGeminiChatResponse,
  createChatStreamConverter: createGeminiStreamConverter,
  convertErrorResponse: convertGeminiErrorResponse,
  convertEmbeddingRequest: convertVertexEmbeddingRequest,
  convertEmbeddingResponse: convertVertexEmbeddingResponse,
  createAuthorizer: createVertexAuthorizer,
});
