import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/index.js';
import { convertAnthropicRequest } from '../../../gateway/anthropic/convert-anthropic-request.js';
import { convertChatResponseToAnthropic } from '../../../gateway/anthropic/convert-chat-response-to-anthropic.js';
import { convertChunksToAnthropicEvents } from '../../../gateway/anthropic/convert-chunks-to-anthropic-events.js';
import { toAnthropicError } from '../../../gateway/anthropic/to-anthropic-error.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../../support/mock-server.js';
import { anthropicSse } from '../../dialects/anthropic/anthropic-test-route.js';

const KEY = 'sk-upstream-secret-0123456789';
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const client = () =>
  createClient({
    providers: { openai: { baseURL: mock.url, apiKey: KEY }, anthropic: { baseURL: mock.url, apiKey: KEY } },
    maxRetries: 0,
  });

const anthropicBody = {
  model: 'fast',
  max_tokens: 256,
  system: 'Be brief.',
  messages: [{ role: 'user', content: 'Weather in Paris?' }],
  tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
};

describe('the Anthropic edge through a real client and a loopback upstream', () => {
  it('answers a Messages request from an OpenAI-format provider, tool call included', async () => {
    mock.handle(
      sendJson(
        200,
        chatResponse('', {
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
              finish_reason: 'tool_calls',
            },
          ],
        }),
      ),
    );
    const request = convertAnthropicRequest(anthropicBody);
    const response = await client().chat({ ...request, model: 'openai/gpt-4o-mini' });
    const sent = mock.requests.at(-1)?.body as Record<string, unknown>;
    expect(sent.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
    ]);
    expect(sent.tools).toEqual([{ type: 'function', function: { name: 'get_weather', parameters: anthropicBody.tools[0]?.input_schema } }]);
    expect(convertChatResponseToAnthropic(response, 'fast')).toMatchObject({
      model: 'fast',
      content: [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }],
      stop_reason: 'tool_use',
      usage: { input_tokens: 5, output_tokens: 3 },
    });
  });

  it('streams from an OpenAI-format provider with the usage it reports at the end', async () => {
    mock.handle(
      sendSse([
        chatChunk('Sun'),
        chatChunk('ny'),
        chatChunk(undefined, 'stop'),
        { ...chatChunk(undefined), choices: [], usage: { prompt_tokens: 11, completion_tokens: 2, total_tokens: 13 } },
      ]),
    );
    const request = convertAnthropicRequest({ ...anthropicBody, stream: true });
    const events = [];
    for await (const event of convertChunksToAnthropicEvents(client().chatStream({ ...request, model: 'openai/gpt-4o-mini' }), 'fast')) events.push(event);
    expect((mock.requests.at(-1)?.body as Record<string, unknown>).stream_options).toEqual({ include_usage: true });
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events.at(-2)?.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { input_tokens: 11, output_tokens: 2, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  });

  it('streams thinking from an Anthropic upstream, with the client request sent as it was', async () => {
    mock.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        anthropicSse([
          { type: 'message_start', message: { id: 'msg_9', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], usage: { input_tokens: 7, output_tokens: 1 } } },
          { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
          { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm.' } },
          { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
          { type: 'content_block_stop', index: 0 },
          { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
          { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Sunny.' } },
          { type: 'content_block_stop', index: 1 },
          { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 9 } },
          { type: 'message_stop' },
        ]),
      );
    });
    const body = { ...anthropicBody, max_tokens: 4000, stream: true, thinking: { type: 'enabled', budget_tokens: 1500 } };
    const request = convertAnthropicRequest(body, { anthropicUpstream: true });
    const events = [];
    for await (const event of convertChunksToAnthropicEvents(client().chatStream({ ...request, model: 'anthropic/claude-sonnet-4-5' }), 'fast')) {
      events.push(event);
    }
    expect(mock.requests.at(-1)?.body).toEqual({ ...body, model: 'claude-sonnet-4-5', system: [{ type: 'text', text: 'Be brief.' }] });
    expect(events.slice(1, 8).map((event) => event.data)).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm.' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Sunny.' } },
      { type: 'content_block_stop', index: 1 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { input_tokens: 7, output_tokens: 9, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      },
    ]);
  });

  it('answers an upstream key refusal as a 502 that quotes neither the upstream message nor the key', async () => {
    mock.handle(sendJson(401, { error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
    const request = convertAnthropicRequest(anthropicBody);
    const error = await client()
      .chat({ ...request, model: 'openai/gpt-4o-mini' })
      .catch((caught: unknown) => caught);
    const answer = toAnthropicError(error);
    expect(answer.status).toBe(502);
    expect(answer.body.error.type).toBe('api_error');
    expect(JSON.stringify(answer)).not.toContain(KEY.slice(0, 12));
  });
});
