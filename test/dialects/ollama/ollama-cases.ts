import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { chatAnswer, ndjson, textStreamLines, toolCallAnswer, toolCallStreamLines } from './ollama-fixtures.js';

const ndjsonHeaders = { 'content-type': 'application/x-ndjson' };

/** Ollama's native API (`ollama_chat`): `/api/chat`, NDJSON streams, `{ error }` bodies. */
export const ollamaCases: AdapterCases = {
  dialect: 'ollama',
  providerId: 'ollama_chat',
  model: 'llama3.2',
  text: {
    reply: { body: chatAnswer },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.path).toBe('/api/chat');
      expect(request.body).toEqual({
        model: 'llama3.2',
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'system', content: 'Answer in one word.' },
          { role: 'user', content: 'Capital of France?' },
        ],
        stream: false,
        options: { temperature: 0.2, num_predict: 50, stop: ['END'] },
      });
    },
  },
  toolCall: {
    reply: { body: toolCallAnswer },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_weather' } }] });
      expect(request.body).not.toHaveProperty('tool_choice');
    },
  },
  textStream: {
    reply: { headers: ndjsonHeaders, body: ndjson(textStreamLines) },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ stream: true, options: { temperature: 0.2, num_predict: 50 } });
      expect(request.body).not.toHaveProperty('stream_options');
    },
  },
  toolCallStream: {
    reply: { headers: ndjsonHeaders, body: ndjson(toolCallStreamLines) },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
  },
  truncatedStream: {
    reply: { headers: ndjsonHeaders, body: ndjson(textStreamLines.slice(0, 1)) },
    partialContent: 'Par',
  },
  // No line with done: true.
  streamWithoutStop: { reply: { headers: ndjsonHeaders, body: ndjson(textStreamLines.slice(0, 2)) }, partialContent: 'Paris.' },
  streamError: {
    reply: { headers: ndjsonHeaders, body: ndjson([...textStreamLines.slice(0, 1), { error: 'an error was encountered while running the model: unexpected EOF' }]) },
    kind: 'ServerError',
  },
  authError: { status: 401, body: { error: 'unauthorized' } },
  rateLimitError: { status: 429, headers: { 'retry-after': '2' }, body: { error: 'too many requests' } },
  skips: {
    contextWindowError: 'Ollama truncates a prompt longer than num_ctx instead of failing, so there is no such error to map',
    urlCitations: 'Ollama chat answers carry no web citations',
    urlCitationsStream: 'Ollama chat answers carry no web citations',
  },
  embeddingWithoutUsage: { model: 'nomic-embed-text', reply: { body: { model: 'nomic-embed-text', embeddings: [[0.1, 0.2]] } } },
  modelsWithoutCreated: { body: { models: [{ name: 'llama3.2', model: 'llama3.2' }] } },
};
