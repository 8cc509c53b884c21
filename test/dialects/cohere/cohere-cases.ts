import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { cohereSse, errors, textResponse, textStreamEvents, toolCallResponse } from './cohere-fixtures.js';

const sse = { 'content-type': 'text/event-stream' };

/** Cohere's v2 API, answered in its documented wire format. */
export const cohereCases: AdapterCases = {
  dialect: 'cohere',
  providerId: 'cohere',
  model: 'command-a-03-2025',
  clientOptions: () => ({ apiKeys: { cohere: 'co-adapter-test-key' } }),
  text: {
    reply: { body: textResponse },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.path).toBe('/v2/chat');
      expect(request.headers.authorization).toBe('Bearer co-adapter-test-key');
      expect(request.body).toEqual({
        model: 'command-a-03-2025',
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'system', content: 'Answer in one word.' },
          { role: 'user', content: 'Capital of France?' },
        ],
        stream: false,
        temperature: 0.2,
        max_tokens: 50,
        stop_sequences: ['END'],
      });
    },
  },
  toolCall: {
    reply: { body: toolCallResponse },
    expected: {
      content: null,
      finishReason: 'tool_calls',
      reasoning: 'I will look up the weather in Paris.',
      toolCalls: [{ id: 'get_weather_1byjy32y4hvq', name: 'get_weather', arguments: { city: 'Paris' } }],
    },
    checkRequest: (request) => {
      const body = request.body as Record<string, unknown>;
      expect(body.tools).toEqual([
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ]);
      // auto is Cohere's default and has no wire value.
      expect(body).not.toHaveProperty('tool_choice');
    },
  },
  textStream: {
    reply: { headers: sse, body: cohereSse(textStreamEvents) },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ stream: true, temperature: 0.2, max_tokens: 50 });
      expect(request.body).not.toHaveProperty('stream_options');
    },
  },
  toolCallStream: {
    reply: {
      headers: sse,
      body: cohereSse([
        textStreamEvents[0]!,
        { type: 'tool-plan-delta', delta: { message: { tool_plan: 'I will check the weather.' } } },
        {
          type: 'tool-call-start',
          index: 0,
          delta: { message: { tool_calls: { id: 'get_weather_nsz5zm3w56q3', type: 'function', function: { name: 'get_weather', arguments: '' } } } },
        },
        { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{"city":' } } } } },
        { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '"Paris"}' } } } } },
        { type: 'tool-call-end', index: 0 },
        { type: 'message-end', delta: { finish_reason: 'TOOL_CALL', usage: { tokens: { input_tokens: 1010, output_tokens: 21 } } } },
      ]),
    },
    expected: {
      content: null,
      finishReason: 'tool_calls',
      reasoning: 'I will check the weather.',
      toolCalls: [{ id: 'get_weather_nsz5zm3w56q3', name: 'get_weather', arguments: { city: 'Paris' } }],
    },
  },
  truncatedStream: {
    reply: { headers: sse, body: cohereSse(textStreamEvents.slice(0, 3)) },
    partialContent: 'Par',
  },
  // content-end but no message-end.
  streamWithoutStop: { reply: { headers: sse, body: cohereSse(textStreamEvents.slice(0, 5)) }, partialContent: 'Paris.' },
  streamError: {
    reply: {
      headers: sse,
      body: cohereSse([...textStreamEvents.slice(0, 3), { type: 'message-end', delta: { finish_reason: 'ERROR' } }]),
    },
    kind: 'ServerError',
  },
  authError: { status: 401, body: errors.invalidToken },
  rateLimitError: { status: 429, body: errors.trialKey },
  contextWindowError: { status: 400, body: errors.promptTooLong },
  skips: {
    urlCitations: 'Cohere citations point at documents and tool results sent with the request, not web URLs',
    urlCitationsStream: 'Cohere citations point at documents and tool results sent with the request, not web URLs',
  },
  embeddingWithoutUsage: { model: 'embed-v4.0', reply: { body: { id: 'emb-1', embeddings: { float: [[0.1, 0.2]] }, texts: ['hello'] } } },
  modelsWithoutCreated: { body: { models: [{ name: 'command-a-03-2025', endpoints: ['chat'] }] } },
};
