// End to end through createClient, against the loopback mock answering in Cohere's wire format.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient, type ChatCompletionChunk } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';
import { cohereSse, embedResponse, errors, reasoningResponse, reasoningStreamEvents, toolCallStreamEvents } from './cohere-fixtures.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (options: { maxRetries?: number } = {}) =>
  createClient({ apiKeys: { cohere: 'co-e2e-key' }, providers: { cohere: { baseURL: server.url } }, maxRetries: options.maxRetries ?? 0 });

function serveSse(body: string): void {
  server.handle((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(body);
  });
}

describe('cohere through createClient', () => {
  it('sends a reasoning request with a forced tool and reads thinking, content and cached usage back', async () => {
    server.handle(sendJson(200, reasoningResponse));
    const response = await client().chat({
      model: 'cohere/command-a-reasoning-08-2025',
      messages: [{ role: 'user', content: "How many sisters does Alice's brother have?" }],
      reasoning_effort: 'medium',
      tools: [
        { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } },
        { type: 'function', function: { name: 'calculate', parameters: { type: 'object', properties: {} } } },
      ],
      tool_choice: { type: 'function', function: { name: 'calculate' } },
    });
    const request = server.requests[0]!;
    expect(request.path).toBe('/v2/chat');
    expect(request.headers.authorization).toBe('Bearer co-e2e-key');
    expect(request.body).toEqual({
      model: 'command-a-reasoning-08-2025',
      messages: [{ role: 'user', content: "How many sisters does Alice's brother have?" }],
      stream: false,
      tools: [{ type: 'function', function: { name: 'calculate', parameters: { type: 'object', properties: {} } } }],
      tool_choice: 'REQUIRED',
      thinking: { type: 'enabled', token_budget: 2048 },
    });
    expect(response.choices[0]?.message).toMatchObject({
      content: 'Each brother has 3 sisters.',
      reasoning_content: 'Alice has 2 sisters; her brothers also count Alice.',
    });
    expect(response.usage).toMatchObject({ prompt_tokens: 560, prompt_tokens_details: { cached_tokens: 512 } });
    const info = callInfo(response);
    expect(info?.provider).toBe('cohere');
    expect(info?.warnings).toEqual([expect.stringContaining('only "calculate" was sent')]);
  });

  it('streams thinking then text, and reports usage in callInfo', async () => {
    serveSse(cohereSse(reasoningStreamEvents));
    const stream = client().chatStream({ model: 'cohere/command-a-reasoning-08-2025', messages: [{ role: 'user', content: 'Sisters?' }] });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.reasoning_content ?? '').join('')).toBe('Alice has 2 sisters.');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('3 sisters.');
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');
    expect(callInfo(stream)?.usage).toMatchObject({ prompt_tokens: 560, completion_tokens: 9, total_tokens: 569 });
  });

  it('streams two tool calls with stable indexes', async () => {
    serveSse(cohereSse(toolCallStreamEvents));
    const calls = new Map<number, { id?: string; name: string; arguments: string }>();
    let finish: string | null | undefined;
    for await (const chunk of client().chatStream({ model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'Weather?' }] })) {
      for (const choice of chunk.choices) {
        finish = choice.finish_reason ?? finish;
        for (const call of choice.delta?.tool_calls ?? []) {
          const current = calls.get(call.index ?? -1) ?? { name: '', arguments: '' };
          if (call.id) current.id = call.id;
          current.name += call.function?.name ?? '';
          current.arguments += call.function?.arguments ?? '';
          calls.set(call.index ?? -1, current);
        }
      }
    }
    expect([...calls.entries()]).toEqual([
      [0, { id: 'get_weather_nsz5zm3w56q3', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      [1, { id: 'get_weather_a8kd2kd9s1qq', name: 'get_weather', arguments: '{"city":"Rome"}' }],
    ]);
    expect(finish).toBe('tool_calls');
  });

  it('embeds through /v2/embed', async () => {
    server.handle(sendJson(200, embedResponse));
    const response = await client().embed({ model: 'cohere/embed-v4.0', input: ['hello', 'goodbye'], extra_body: { input_type: 'classification' } });
    expect(server.requests[0]?.path).toBe('/v2/embed');
    expect(server.requests[0]?.body).toEqual({ model: 'embed-v4.0', texts: ['hello', 'goodbye'], input_type: 'classification', embedding_types: ['float'] });
    expect(response.data.map((item) => item.index)).toEqual([0, 1]);
    expect(response.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });

  it('lists models from /v1/models with the largest page', async () => {
    server.handle(
      sendJson(200, {
        models: [
          { name: 'command-a-03-2025', endpoints: ['chat'], finetuned: false, context_length: 256000 },
          { name: 'embed-v4.0', endpoints: ['embed'], finetuned: false, context_length: 128000 },
        ],
        next_page_token: '',
      }),
    );
    const models = await client().listModels({ provider: 'cohere' });
    expect(server.requests[0]?.path).toBe('/v1/models');
    expect(server.requests[0]?.query.get('page_size')).toBe('1000');
    expect(models.data.map((model) => model.id)).toEqual(['command-a-03-2025', 'embed-v4.0']);
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'cohere', context_length: 256000 });
  });

  it('maps 498 to an authentication error and a too-high max_tokens to a bad request', async () => {
    server.handle(sendJson(498, errors.invalidToken));
    await expect(client().chat({ model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toMatchObject({
      kind: 'Authentication',
      status: 498,
      provider: 'cohere',
    });
    server.handle(sendJson(400, errors.maxTokensTooHigh));
    await expect(client().chat({ model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 8192 })).rejects.toMatchObject({
      kind: 'BadRequest',
    });
  });

  it('retries a 429 after its retry-after and then succeeds', async () => {
    let calls = 0;
    server.handle((_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        response.end(JSON.stringify(errors.trialKey));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reasoningResponse));
    });
    const response = await client({ maxRetries: 1 }).chat({ model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }] });
    expect(callInfo(response)?.attempts).toBe(2);
  });

  it('fails before sending when no key is configured, naming COHERE_API_KEY', async () => {
    vi.stubEnv('COHERE_API_KEY', '');
    try {
      const bare = createClient({ providers: { cohere: { baseURL: server.url } }, maxRetries: 0 });
      await expect(bare.chat({ model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toMatchObject({
        kind: 'Authentication',
        message: expect.stringContaining('COHERE_API_KEY'),
      });
      expect(server.requests).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
