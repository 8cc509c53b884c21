import type { Dialect } from '../dialect.js';
import { geminiDialect } from '../gemini/gemini-dialect.js';
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
export const vertexAiDialect: Dialect = {
  name: 'vertex_ai',
  convertChatRequest: geminiDialect.convertChatRequest,
  convertChatResponse: geminiDialect.convertChatResponse,
  createChatStreamConverter: geminiDialect.createChatStreamConverter,
  convertErrorResponse: geminiDialect.convertErrorResponse,
  convertEmbeddingRequest: convertVertexEmbeddingRequest,
  convertEmbeddingResponse: convertVertexEmbeddingResponse,
  createAuthorizer: createVertexAuthorizer,
};
