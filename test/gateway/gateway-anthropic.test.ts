import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../../gateway/config/load-gateway-config.js';
import { startGatewayServer, type RunningGateway } from '../../gateway/server/start-gateway-server.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../support/mock-server.js';

const KEY = 'sk-anthropic-client-0123456789';
const OPENAI_UPSTREAM_KEY = 'sk-openai-upstream-0123456789';
const ANTHROPIC_UPSTREAM_KEY = 'sk-ant-upstream-0123456789';

/** Anthropic's SSE: `event:` and `data:` lines. */
function sendAnthropicSse(events: ReadonlyArray<Record<string, unknown> & { type: string }>) {
  return (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(''));
  };
}

describe('the gateway speaks Anthropic Messages to the official @anthropic-ai/sdk, in front of any provider', () => {
  let openaiUpstream: MockServer;
  let anthropicUpstream: MockServer;
  let running: RunningGateway;

  beforeAll(async () => {
    openaiUpstream = await startMockServer();
    anthropicUpstream = await startMockServer();
    const config = parseGatewayConfig(
      'gateway.yaml',
      `server: { port: 0 }
models:
  - name: fast
    model: openai/gpt-4o-mini
  - name: sonnet
    model: anthropic/claude-sonnet-4-5
keys:
  - name: coder
    key: ${KEY}
    models: [fast, sonnet]
  - name: limited
    key: sk-limited-anthropic-0123
    rpm: 1
client:
  providers:
    openai: { baseURL: "${openaiUpstream.url}/v1", apiKey: ${OPENAI_UPSTREAM_KEY} }
    anthropic: { baseURL: "${anthropicUpstream.url}/v1", apiKey: ${ANTHROPIC_UPSTREAM_KEY} }
  maxRetries: 0
`,
      {},
    );
    running = await startGatewayServer(config);
  });
  afterAll(async () => {
    await running.shutdown();
    await openaiUpstream.close();
    await anthropicUpstream.close();
  });
  beforeEach(() => {
    openaiUpstream.requests.length = 0;
    anthropicUpstream.requests.length = 0;
  });
  const anthropic = (apiKey = KEY) => new Anthropic({ baseURL: running.url, apiKey, maxRetries: 0 });
  const tools = [{ name: 'get_weather', description: 'Weather of a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] } }];

  it('routes a message with tools to an OpenAI-dialect upstream and answers tool_use', async () => {
    openaiUpstream.handle(
      sendJson(200, {
        ...chatResponse('', { model: 'gpt-4o-mini' }),
        choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] } }],
        usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
      }),
    );
    const message = await anthropic().messages.create({ model: 'fast', max_tokens: 200, system: 'Be brief.', messages: [{ role: 'user', content: 'Weather in Oslo?' }], tools });
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'fast', stop_reason: 'tool_use', usage: { input_tokens: 20, output_tokens: 5 } });
    expect(message.content).toEqual([{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Oslo' } }]);
    const sent = openaiUpstream.requests[0];
    expect(sent?.body).toMatchObject({
      model: 'gpt-4o-mini',
      max_tokens: 200,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Oslo?' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: tools[0]?.input_schema } }],
    });
    expect(sent?.headers.authorization).toBe(`Bearer ${OPENAI_UPSTREAM_KEY}`);
    expect(JSON.stringify(sent?.headers)).not.toContain(KEY);
  });

  it('streams with Anthropic event types from an OpenAI-dialect stream', async () => {
    openaiUpstream.handle(sendSse([chatChunk('Hel'), chatChunk('lo!'), chatChunk(undefined, 'stop')]));
    const stream = anthropic().messages.stream({ model: 'fast', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type));
    const final = await stream.finalMessage();
    expect(final.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hello!' })]);
    expect(final.stop_reason).toBe('end_turn');
    expect(types[0]).toBe('message_start');
    expect(types).toContain('content_block_delta');
    expect(types.at(-1)).toBe('message_stop');
  });

  it('passes a message through to an Anthropic upstream, thinking included, and streams it back', async () => {
    anthropicUpstream.handle(
      sendAnthropicSse([
        { type: 'message_start', message: { id: 'msg_up', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 12, output_tokens: 1 } } },
        { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Let me think.' } },
        { type: 'content_block_stop', index: 0 },
        { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
        { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Forty-two.' } },
        { type: 'content_block_stop', index: 1 },
        { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 9 } },
        { type: 'message_stop' },
      ]),
    );
    const stream = anthropic().messages.stream({ model: 'sonnet', max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'The answer?' }] });
    const final = await stream.finalMessage();
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(final.content[1]).toMatchObject({ type: 'text', text: 'Forty-two.' });
    expect(final.content[0]).toMatchObject({ type: 'thinking', thinking: 'Let me think.' });
    const sent = anthropicUpstream.requests[0];
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.body).toMatchObject({ model: 'claude-sonnet-4-5', max_tokens: 2048, stream: true, thinking: { type: 'enabled', budget_tokens: 1024 } });
    expect(sent?.headers['x-api-key']).toBe(ANTHROPIC_UPSTREAM_KEY);
  });

  it('answers errors as Anthropic error JSON: an unknown key, a model outside the key, a rate limit', async () => {
    await expect(anthropic('sk-not-a-key-000000').messages.create({ model: 'fast', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    const raw = await fetch(`${running.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'openai/gpt-4o', max_tokens: 10, messages: [] }) });
    expect(raw.status).toBe(404);
    expect(await raw.json()).toEqual({ type: 'error', error: { type: 'not_found_error', message: expect.any(String) } });
    openaiUpstream.handle(sendJson(200, chatResponse('ok', { model: 'gpt-4o-mini' })));
    await anthropic('sk-limited-anthropic-0123').messages.create({ model: 'fast', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
    const limited = anthropic('sk-limited-anthropic-0123').messages.create({ model: 'fast', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
    await expect(limited).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    await expect(limited).rejects.toMatchObject({ status: 429, error: { type: 'error', error: { type: 'rate_limit_error' } } });
    const bad = await fetch(`${running.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'fast', messages: [] }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });
});
