import type { Dialect } from '../dialect.js';
import { convertAnthropicChatResponse } from '../anthropic/convert-anthropic-chat-response.js';
import { convertAnthropicErrorResponse, readAnthropicErrorType } from '../anthropic/convert-anthropic-error-response.js';
import { createAnthropicStreamConverter } from '../anthropic/create-anthropic-stream-converter.js';
import { convertGeminiChatRequest } from '../gemini/convert-gemini-chat-request.js';
import { convertGeminiChatResponse } from '../gemini/convert-gemini-chat-response.js';
import { convertGeminiErrorResponse } from '../gemini/convert-gemini-error-response.js';
import { createGeminiStreamConverter } from '../gemini/create-gemini-stream-converter.js';
import { openAiFormat } from '../openai/openai-dialect.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertVertexAnthropicChatRequest } from './convert-vertex-anthropic-chat-request.js';
import { convertVertexEmbeddingRequest } from './convert-vertex-embedding-request.js';
import { convertVertexEmbeddingResponse } from './convert-vertex-embedding-response.js';
import { createVertexAuthorizer } from './create-vertex-authorizer.js';
import { resolveVertexWireFormat, type VertexWireFormat } from './resolve-vertex-wire-format.js';

type ChatConversions = Pick<Dialect, 'convertChatRequest' | 'convertChatResponse' | 'createChatStreamConverter' | 'convertErrorResponse'>;

/** Each format's chat conversions, unwrapped: the registry quirks are applied once, around the dialect. */
const FORMATS: Readonly<Record<VertexWireFormat, ChatConversions>> = {
  gemini: {
    convertChatRequest: convertGeminiChatRequest,
    convertChatResponse: convertGeminiChatResponse,
    createChatStreamConverter: createGeminiStreamConverter,
    convertErrorResponse: convertGeminiErrorResponse,
  },
  anthropic: {
    convertChatRequest: convertVertexAnthropicChatRequest,
    convertChatResponse: convertAnthropicChatResponse,
    createChatStreamConverter: createAnthropicStreamConverter,
    // Claude's own errors come in Anthropic's shape; Vertex's gateway (auth, quota) answers in Google's.
    convertErrorResponse: (status, body, route) =>
      readAnthropicErrorType(body) === undefined ? convertGeminiErrorResponse(status, body, route) : convertAnthropicErrorResponse(status, body, route),
  },
  openai: {
    convertChatRequest: openAiFormat.convertChatRequest,
    convertChatResponse: openAiFormat.convertChatResponse,
    createChatStreamConverter: openAiFormat.createChatStreamConverter,
    convertErrorResponse: convertGeminiErrorResponse,
  },
};

/**
 * Vertex AI, under a project and region URL (location `global` on `aiplatform.googleapis.com`, the
 * registry's derived `{host}` variable), with OAuth bearer tokens from a service account or a
 * supplied access token instead of an API key. One dialect, three chat formats chosen by the
 * entry's chat path (`resolveVertexWireFormat`): Gemini's `generateContent` (`vertex_ai`, with
 * text-embedding models behind `:predict`), Claude's Messages through `rawPredict` /
 * `streamRawPredict` (`vertex_ai_anthropic`), and the OpenAI-compatible `endpoints/openapi`
 * for open and partner MaaS models (`vertex_ai_openai`, model in the body). Vertex has no models
 * list for publisher models in v1.
 */
export const vertexAiDialect: Dialect = withRegistryQuirks({
  name: 'vertex_ai',
  convertChatRequest: (request, route, stream) => FORMATS[resolveVertexWireFormat(route)].convertChatRequest(request, route, stream),
  convertChatResponse: (body, route) => FORMATS[resolveVertexWireFormat(route)].convertChatResponse(body, route),
  createChatStreamConverter: (route) => FORMATS[resolveVertexWireFormat(route)].createChatStreamConverter(route),
  convertErrorResponse: (status, body, route, headers) =>
    FORMATS[resolveVertexWireFormat(route)].convertErrorResponse?.(status, body, route, headers),
  convertEmbeddingRequest: convertVertexEmbeddingRequest,
  convertEmbeddingResponse: convertVertexEmbeddingResponse,
  createAuthorizer: createVertexAuthorizer,
});
