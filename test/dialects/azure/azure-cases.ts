import { expect } from 'vitest';
import { sseBody } from '../../support/mock-server.js';
import type { AdapterCases } from '../adapter-cases.js';
import { chatResponse, errors, textStreamPayloads, toolCallResponse, toolCallStreamPayloads } from './azure-fixtures.js';

const sse = { 'content-type': 'text/event-stream' };

/** Azure OpenAI: OpenAI's format on deployment URLs, with Azure's filter results and errors. */
export const azureCases: AdapterCases = {
  dialect: 'azure',
  providerId: 'azure',
  model: 'gpt-4o-prod',
  clientOptions: () => ({ apiKeys: { azure: 'azure-adapter-test-key' } }),
  text: {
    reply: { body: chatResponse },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.path).toBe('/openai/deployments/gpt-4o-prod/chat/completions');
      expect(request.query.get('api-version')).toBe('2024-10-21');
      expect(request.headers['api-key']).toBe('azure-adapter-test-key');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.body).toEqual({
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'system', content: 'Answer in one word.' },
          { role: 'user', content: 'Capital of France?' },
        ],
        temperature: 0.2,
        max_tokens: 50,
        stop: ['END'],
      });
    },
  },
  toolCall: {
    reply: { body: toolCallResponse },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'call_OLa2x9eN1', name: 'get_weather', arguments: { city: 'Paris' } }] },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_weather' } }], tool_choice: 'auto' });
    },
  },
  textStream: {
    reply: { headers: sse, body: sseBody(textStreamPayloads) },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
      expect(request.body).not.toHaveProperty('model');
    },
  },
  toolCallStream: {
    reply: { headers: sse, body: sseBody(toolCallStreamPayloads) },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'call_OLa2x9eN1', name: 'get_weather', arguments: { city: 'Paris' } }] },
  },
  truncatedStream: {
    reply: { headers: sse, body: sseBody(textStreamPayloads.slice(0, 3), false) },
    partialContent: 'Par',
  },
  // Without the finish chunk and [DONE], the usage chunk alone does not complete the stream.
  streamWithoutStop: {
    reply: { headers: sse, body: sseBody([...textStreamPayloads.slice(0, 4), textStreamPayloads[5]], false) },
    partialContent: 'Paris.',
  },
  streamError: {
    reply: { headers: sse, body: sseBody([...textStreamPayloads.slice(0, 3), errors.serverError], false) },
    kind: 'ServerError',
  },
  authError: { status: 401, body: errors.invalidKey },
  rateLimitError: { status: 429, headers: { 'retry-after': '6' }, body: errors.rateLimited },
  contextWindowError: { status: 400, body: errors.contextLength },
  skips: {
    urlCitations: 'Azure OpenAI chat completions have no web search tool; On Your Data citations come in message.context, not annotations',
    urlCitationsStream: 'Azure OpenAI chat completions have no web search tool; On Your Data citations come in message.context, not annotations',
  },
  embeddingWithoutUsage: { reply: { body: { object: 'list', model: 'text-embedding-3-small', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }] } } },
  modelsWithoutCreated: { body: { object: 'list', data: [{ id: 'gpt-4o', object: 'model' }] } },
};
