import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { sseBody } from '../../support/mock-server.js';

const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...extra,
});

/** OpenAI's own format: the reference every other dialect is held to. */
export const openAiCases: AdapterCases = {
  dialect: 'openai',
  providerId: 'openai',
  model: 'gpt-4o',
  clientOptions: () => ({ apiKeys: { openai: 'sk-openai-adapter-test' } }),
  text: {
    reply: {
      body: {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o',
        choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 },
      },
    },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.path).toBe('/chat/completions');
      expect(request.headers.authorization).toBe('Bearer sk-openai-adapter-test');
      expect(request.body).toMatchObject({ model: 'gpt-4o', temperature: 0.2, stop: ['END'] });
    },
  },
  toolCall: {
    reply: {
      body: {
        id: 'chatcmpl-2',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: null,
              tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
            },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 30, completion_tokens: 10, total_tokens: 40 },
      },
    },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_weather' } }], tool_choice: 'auto' });
    },
  },
  textStream: {
    reply: {
      headers: { 'content-type': 'text/event-stream' },
      body: sseBody([
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'Par' }),
        chunk({ content: 'is.' }),
        chunk({}, 'stop'),
        { ...chunk({}), choices: [], usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
      ]),
    },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    },
  },
  toolCallStream: {
    reply: {
      headers: { 'content-type': 'text/event-stream' },
      body: sseBody([
        chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
        chunk({}, 'tool_calls'),
      ]),
    },
    expected: { content: null, finishReason: 'tool_calls', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] },
  },
  truncatedStream: {
    reply: { headers: { 'content-type': 'text/event-stream' }, body: sseBody([chunk({ content: 'Par' })], false) },
    partialContent: 'Par',
  },
  // Neither a finish reason nor [DONE]: the usage chunk alone does not complete the stream.
  streamWithoutStop: {
    reply: {
      headers: { 'content-type': 'text/event-stream' },
      body: sseBody([chunk({ content: 'Par' }), chunk({ content: 'is.' }), { ...chunk({}), choices: [], usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } }], false),
    },
    partialContent: 'Paris.',
  },
  streamError: {
    reply: {
      headers: { 'content-type': 'text/event-stream' },
      body: sseBody([chunk({ content: 'Par' }), { error: { message: 'overloaded', type: 'server_error' } }], false),
    },
    kind: 'ServerError',
  },
  authError: { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } },
  rateLimitError: { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'Rate limit reached', type: 'requests' } } },
  contextWindowError: {
    status: 400,
    body: { error: { message: "This model's maximum context length is 128000 tokens.", code: 'context_length_exceeded' } },
  },
  // Search models annotate the content; the annotations pass through as they are.
  urlCitations: {
    reply: {
      body: {
        id: 'chatcmpl-search',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o-search-preview',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: 'Paris is the capital of France (insee.fr).',
              annotations: [{ type: 'url_citation', url_citation: { start_index: 0, end_index: 30, url: 'https://www.insee.fr/', title: 'Insee' } }],
            },
            finish_reason: 'stop',
          },
        ],
      },
    },
    content: 'Paris is the capital of France (insee.fr).',
    citations: [{ url: 'https://www.insee.fr/', cited: 'Paris is the capital of France' }],
  },
  skips: {
    urlCitationsStream: "OpenAI's chat completion chunk delta documents no annotations",
  },
  embeddingWithoutUsage: {
    model: 'text-embedding-3-small',
    reply: { body: { object: 'list', model: 'text-embedding-3-small', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }] } },
  },
  modelsWithoutCreated: { body: { object: 'list', data: [{ id: 'gpt-4o', object: 'model', owned_by: 'openai' }] } },
};
