import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { sseBody } from '../../support/mock-server.js';
import {
  functionCallResponse,
  groundedCitations,
  groundedContent,
  groundedResponse,
  groundedStreamEvents,
  overloadedErrorEvent,
  rateLimitErrorBody,
  textResponse,
  textStreamEvents,
  tokenLimitErrorBody,
  toolCallStreamEvents,
  unauthenticatedErrorBody,
} from './gemini-fixtures.js';

const sse = { 'content-type': 'text/event-stream' };

/** The Gemini API: documented generateContent bodies, SSE streams without [DONE], Google error bodies. */
export const geminiCases: AdapterCases = {
  dialect: 'gemini',
  providerId: 'gemini',
  model: 'gemini-2.5-flash',
  clientOptions: () => ({ apiKeys: { gemini: 'gemini-adapter-test-key' } }),
  text: {
    reply: { body: textResponse },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.path).toBe('/models/gemini-2.5-flash:generateContent');
      expect(request.headers['x-goog-api-key']).toBe('gemini-adapter-test-key');
      expect(request.query.get('key')).toBeNull();
      expect(request.body).toEqual({
        contents: [{ role: 'user', parts: [{ text: 'Capital of France?' }] }],
        systemInstruction: { parts: [{ text: 'You are terse.' }, { text: 'Answer in one word.' }] },
        generationConfig: { stopSequences: ['END'], temperature: 0.2, maxOutputTokens: 50 },
      });
    },
  },
  toolCall: {
    reply: { body: functionCallResponse },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'call_fc-response-1_0', name: 'get_weather', arguments: { city: 'Paris' } }] },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({
        tools: [
          {
            functionDeclarations: [
              {
                name: 'get_weather',
                description: 'Weather for a city',
                parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
              },
            ],
          },
        ],
        toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
      });
    },
  },
  textStream: {
    reply: { headers: sse, body: sseBody(textStreamEvents, false) },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.path).toBe('/models/gemini-2.5-flash:streamGenerateContent');
      expect(request.query.get('alt')).toBe('sse');
      expect(request.body).toMatchObject({ generationConfig: { temperature: 0.2, maxOutputTokens: 50 } });
    },
  },
  toolCallStream: {
    reply: { headers: sse, body: sseBody(toolCallStreamEvents, false) },
    expected: {
      content: null,
      finishReason: 'tool_calls',
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris' } },
        { id: 'call_stream-tools_1', name: 'get_weather', arguments: { city: 'Rome' } },
      ],
    },
  },
  truncatedStream: { reply: { headers: sse, body: sseBody([textStreamEvents[0]], false) }, partialContent: 'Par' },
  // The last event carries the usage but no finishReason.
  streamWithoutStop: {
    reply: { headers: sse, body: sseBody([textStreamEvents[0], { ...textStreamEvents[1], candidates: [{ content: { parts: [{ text: 'is.' }], role: 'model' }, index: 0 }] }], false) },
    partialContent: 'Paris.',
  },
  streamError: { reply: { headers: sse, body: sseBody([textStreamEvents[0], overloadedErrorEvent], false) }, kind: 'ServiceUnavailable' },
  authError: { status: 401, body: unauthenticatedErrorBody },
  rateLimitError: { status: 429, body: rateLimitErrorBody },
  contextWindowError: { status: 400, body: tokenLimitErrorBody },
  urlCitations: { reply: { body: groundedResponse }, content: groundedContent, citations: groundedCitations },
  urlCitationsStream: { reply: { headers: sse, body: sseBody(groundedStreamEvents, false) }, content: groundedContent, citations: groundedCitations },
  // batchEmbedContents reports no token counts.
  embeddingWithoutUsage: { model: 'gemini-embedding-001', reply: { body: { embeddings: [{ values: [0.1, 0.2] }] } } },
  modelsWithoutCreated: { body: { models: [{ name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent'] }] } },
};
