import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { sseBody } from '../../support/mock-server.js';
import {
  vertexFunctionCallResponse,
  vertexInternalErrorEvent,
  vertexRateLimitBody,
  vertexStreamEvents,
  vertexTextResponse,
  vertexTokenLimitBody,
  vertexToolCallStreamEvents,
  vertexUnauthenticatedBody,
} from './vertex-ai-fixtures.js';
import { groundedCitations, groundedContent, groundedResponse, groundedStreamEvents } from '../gemini/gemini-fixtures.js';

const sse = { 'content-type': 'text/event-stream' };

/** Gemini on Vertex AI with a supplied access token (the service-account flow has its own tests). */
export const vertexAiCases: AdapterCases = {
  dialect: 'vertex_ai',
  providerId: 'vertex_ai',
  model: 'gemini-2.5-flash',
  clientOptions: () => ({ providers: { vertex_ai: { accessToken: 'ya29.adapter-test-token' } } }),
  text: {
    reply: { body: vertexTextResponse },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.path).toBe('/publishers/google/models/gemini-2.5-flash:generateContent');
      expect(request.headers.authorization).toBe('Bearer ya29.adapter-test-token');
      expect(request.body).toEqual({
        contents: [{ role: 'user', parts: [{ text: 'Capital of France?' }] }],
        systemInstruction: { parts: [{ text: 'You are terse.' }, { text: 'Answer in one word.' }] },
        generationConfig: { stopSequences: ['END'], temperature: 0.2, maxOutputTokens: 50 },
      });
    },
  },
  toolCall: {
    reply: { body: vertexFunctionCallResponse },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'call_vtx-fc-1_0', name: 'get_weather', arguments: { city: 'Paris' } }] },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({
        tools: [{ functionDeclarations: [{ name: 'get_weather' }] }],
        toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
      });
    },
  },
  textStream: {
    reply: { headers: sse, body: sseBody(vertexStreamEvents, false) },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.url).toBe('/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    },
  },
  toolCallStream: {
    reply: { headers: sse, body: sseBody(vertexToolCallStreamEvents, false) },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'call_vtx-stream-tools_0', name: 'get_weather', arguments: { city: 'Paris' } }] },
  },
  truncatedStream: { reply: { headers: sse, body: sseBody([vertexStreamEvents[0]], false) }, partialContent: 'Par' },
  // The last event carries the usage but no finishReason.
  streamWithoutStop: {
    reply: { headers: sse, body: sseBody([vertexStreamEvents[0], { ...vertexStreamEvents[1], candidates: [{ content: { role: 'model', parts: [{ text: 'is.' }] } }] }], false) },
    partialContent: 'Paris.',
  },
  streamError: { reply: { headers: sse, body: sseBody([vertexStreamEvents[0], vertexInternalErrorEvent], false) }, kind: 'ServerError' },
  authError: { status: 401, body: vertexUnauthenticatedBody },
  rateLimitError: { status: 429, body: vertexRateLimitBody },
  contextWindowError: { status: 400, body: vertexTokenLimitBody },
  // Vertex AI's Gemini models answer in the Gemini API's format, grounding included.
  urlCitations: { reply: { body: groundedResponse }, content: groundedContent, citations: groundedCitations },
  urlCitationsStream: { reply: { headers: sse, body: sseBody(groundedStreamEvents, false) }, content: groundedContent, citations: groundedCitations },
  embeddingWithoutUsage: { model: 'text-embedding-005', reply: { body: { predictions: [{ embeddings: { values: [0.1, 0.2] } }] } } },
  skips: { modelsWithoutCreated: 'the Vertex AI dialect lists no models' },
};
