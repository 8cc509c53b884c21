import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { errorBody, overloadedErrorEvent, textStreamEvents, toolStreamEvents } from './anthropic-fixtures.js';
import { anthropicSse } from './anthropic-test-route.js';

const sse = { 'content-type': 'text/event-stream' };
const messageStart = textStreamEvents[0] as Record<string, unknown>;
const parisBlock = [
  messageStart,
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'ping' },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Par' } },
];

/** Anthropic's Messages API, answered in the shapes its documentation gives. */
export const anthropicCases: AdapterCases = {
  dialect: 'anthropic',
  providerId: 'anthropic',
  model: 'claude-sonnet-4-5',
  clientOptions: () => ({ apiKeys: { anthropic: 'sk-ant-adapter-test' } }),
  text: {
    reply: {
      body: {
        id: 'msg_01Paris',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [{ type: 'text', text: 'Paris.' }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 12, cache_read_input_tokens: 8, cache_creation_input_tokens: 0, output_tokens: 2 },
      },
    },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/messages');
      expect(request.headers['x-api-key']).toBe('sk-ant-adapter-test');
      expect(request.headers['anthropic-version']).toBe('2023-06-01');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.body).toEqual({
        model: 'claude-sonnet-4-5',
        max_tokens: 50,
        system: [
          { type: 'text', text: 'You are terse.' },
          { type: 'text', text: 'Answer in one word.' },
        ],
        messages: [{ role: 'user', content: 'Capital of France?' }],
        temperature: 0.2,
        stop_sequences: ['END'],
      });
    },
  },
  toolCall: {
    reply: {
      body: {
        id: 'msg_01Weather',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [{ type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', input: { city: 'Paris' } }],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: { input_tokens: 30, output_tokens: 10 },
      },
    },
    expected: {
      content: null,
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', arguments: { city: 'Paris' } }],
      usage: { prompt_tokens: 30, completion_tokens: 10, total_tokens: 40 },
    },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({
        // No max_tokens given: claude-sonnet-4-5's output limit from the model catalogue.
        max_tokens: 64_000,
        tools: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        ],
        tool_choice: { type: 'auto' },
      });
    },
  },
  textStream: {
    reply: { headers: sse, body: anthropicSse(textStreamEvents) },
    expected: { content: 'Hello!', finishReason: 'stop', usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40 } },
    checkRequest: (request) => {
      expect(request.headers.accept).toBe('text/event-stream');
      expect(request.body).toMatchObject({ stream: true, max_tokens: 50, temperature: 0.2 });
      expect(request.body).not.toHaveProperty('stream_options');
    },
  },
  toolCallStream: {
    reply: { headers: sse, body: anthropicSse(toolStreamEvents) },
    expected: {
      content: "Okay, let's check the weather for San Francisco, CA:",
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: { location: 'San Francisco, CA', unit: 'fahrenheit' } }],
      usage: { prompt_tokens: 472, completion_tokens: 89, total_tokens: 561 },
    },
  },
  // Cut after a text delta: no message_delta, no message_stop.
  truncatedStream: { reply: { headers: sse, body: anthropicSse(parisBlock) }, partialContent: 'Par' },
  // message_delta brings the stop reason and usage, but only message_stop ends the message.
  streamWithoutStop: {
    reply: {
      headers: sse,
      body: anthropicSse([
        ...parisBlock,
        { type: 'content_block_stop', index: 0 },
        { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 2 } },
      ]),
    },
    partialContent: 'Par',
  },
  streamError: { reply: { headers: sse, body: anthropicSse([...parisBlock, overloadedErrorEvent]) }, kind: 'ServiceUnavailable' },
  authError: { status: 401, body: errorBody('authentication_error', 'invalid x-api-key') },
  rateLimitError: {
    status: 429,
    headers: { 'retry-after': '1' },
    body: errorBody('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'),
  },
  contextWindowError: { status: 400, body: errorBody('invalid_request_error', 'prompt is too long: 208310 tokens > 200000 maximum') },
  // A web search answer: the citation covers its text block.
  urlCitations: {
    reply: {
      body: {
        id: 'msg_01Cited',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [
          { type: 'text', text: 'Per Insee, ' },
          {
            type: 'text',
            text: 'Paris is the capital of France.',
            citations: [
              { type: 'web_search_result_location', url: 'https://www.insee.fr/', title: 'Insee', cited_text: 'Paris, capitale de la France', encrypted_index: 'Eo8BCioIAhgB' },
            ],
          },
        ],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 12, output_tokens: 10 },
      },
    },
    content: 'Per Insee, Paris is the capital of France.',
    citations: [{ url: 'https://www.insee.fr/', cited: 'Paris is the capital of France.' }],
  },
  skips: {
    urlCitationsStream: 'the Anthropic stream converter drops citations_delta events (outside this change; ChunkDelta.annotations now exists for it)',
    embeddingWithoutUsage: 'Anthropic has no embeddings API',
  },
  modelsWithoutCreated: { body: { data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5' }], has_more: false, first_id: null, last_id: null } },
};
