import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { sseBody } from '../../support/mock-server.js';

const MODEL = 'ibm/granite-3-3-8b-instruct';
const sse = { 'content-type': 'text/event-stream' };

/** A watsonx chat or chunk: OpenAI's fields with `model_id`, `created_at` and `model_version`. */
const watsonx = (fields: Record<string, unknown>) => ({
  id: 'chat-1',
  model_id: MODEL,
  created: 1,
  created_at: '2026-01-01T00:00:00.000Z',
  model_version: '3.3.0',
  ...fields,
});
const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) =>
  watsonx({ choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
const usage = { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 };
const toolCall = { id: 'chatcmpl-tool-1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };

/** IBM watsonx.ai with a supplied token (the IAM exchange has its own tests) and a project id. */
export const watsonxCases: AdapterCases = {
  dialect: 'watsonx',
  providerId: 'watsonx',
  model: MODEL,
  clientOptions: () => ({ providers: { watsonx: { accessToken: 'wx-adapter-token', urlVariables: { project_id: 'proj-adapter' } } } }),
  text: {
    reply: { body: watsonx({ choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop' }], usage }) },
    expected: { content: 'Paris.', finishReason: 'stop', usage },
    checkRequest: (request) => {
      expect(request.path).toBe('/text/chat');
      expect(request.query.get('version')).toBe('2024-05-31');
      expect(request.headers.authorization).toBe('Bearer wx-adapter-token');
      expect(request.body).toEqual({
        model_id: MODEL,
        project_id: 'proj-adapter',
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
    reply: {
      body: watsonx({
        choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [toolCall] }, finish_reason: 'tool_calls' }],
        usage: { prompt_tokens: 30, completion_tokens: 10, total_tokens: 40 },
      }),
    },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'chatcmpl-tool-1', name: 'get_weather', arguments: { city: 'Paris' } }] },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_weather' } }], tool_choice_option: 'auto' });
      expect(request.body).not.toHaveProperty('tool_choice');
    },
  },
  textStream: {
    reply: {
      headers: sse,
      body: sseBody([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Par' }), chunk({ content: 'is.' }, 'stop', { usage })], false),
    },
    expected: { content: 'Paris.', finishReason: 'stop', usage },
    checkRequest: (request) => {
      expect(request.path).toBe('/text/chat_stream');
      expect(request.body).not.toHaveProperty('stream');
    },
  },
  toolCallStream: {
    reply: {
      headers: sse,
      body: sseBody(
        [
          chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'chatcmpl-tool-1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":"Paris"}' } }] }),
          chunk({}, 'tool_calls'),
        ],
        false,
      ),
    },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'chatcmpl-tool-1', name: 'get_weather', arguments: { city: 'Paris' } }] },
  },
  truncatedStream: { reply: { headers: sse, body: sseBody([chunk({ content: 'Par' })], false) }, partialContent: 'Par' },
  // Neither a finish reason nor [DONE]; the usage rides on a chunk without one.
  streamWithoutStop: {
    reply: { headers: sse, body: sseBody([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Par' }), chunk({ content: 'is.' }, null, { usage })], false) },
    partialContent: 'Paris.',
  },
  streamError: {
    reply: {
      headers: sse,
      body: sseBody([chunk({ content: 'Par' }), { errors: [{ code: 'internal_error', message: 'model crashed' }], status_code: 500 }], false),
    },
    kind: 'ServerError',
  },
  authError: { status: 401, body: { errors: [{ code: 'authentication_token_expired', message: 'Failed to authenticate the request due to an expired token' }], status_code: 401 } },
  rateLimitError: { status: 429, body: { errors: [{ code: 'too_many_requests', message: 'Rate limit exceeded' }], status_code: 429 } },
  contextWindowError: {
    status: 400,
    body: { errors: [{ code: 'invalid_input_argument', message: 'the number of input tokens exceeds the maximum sequence length of 131072' }], status_code: 400 },
  },
  skips: {
    urlCitations: 'watsonx.ai chat answers carry no web citations',
    urlCitationsStream: 'watsonx.ai chat answers carry no web citations',
  },
  embeddingWithoutUsage: {
    model: 'ibm/slate-125m-english-rtrvr',
    reply: { body: { model_id: 'ibm/slate-125m-english-rtrvr', results: [{ embedding: [0.1, 0.2] }], created_at: '2024-05-31T00:00:00Z' } },
  },
  modelsWithoutCreated: { body: { resources: [{ model_id: 'ibm/granite-3-8b-instruct', provider: 'IBM' }] } },
};
