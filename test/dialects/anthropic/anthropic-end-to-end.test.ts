// Through createClient against a loopback mock: every registry provider on the anthropic dialect,
// reached with nothing but its registry entry, plus the paths the adapter suite does not walk.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { providerRegistry } from '../../../generated/registry.js';
import { callInfo, createClient, type ChatCompletionChunk, type ProviderDefinition } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer, type RecordedRequest } from '../../support/mock-server.js';
import { errorBody, modelsListResponse, textResponse, thinkingStreamEvents, toolStreamEvents } from './anthropic-fixtures.js';
import { anthropicSse } from './anthropic-test-route.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const anthropicProviders: ProviderDefinition[] = Object.values(providerRegistry).filter((provider) => provider.dialect === 'anthropic');
const keyFor = (id: string) => `key-${id}-0123456789`;
const messages = [
  { role: 'developer' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Hi' },
];

function serveSse(body: string): void {
  server.handle((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(body);
  });
}

function clientFor(provider: ProviderDefinition, extra: { maxRetries?: number } = {}) {
  const urlVariables = Object.fromEntries(Object.keys(provider.urlVariables).map((name) => [name, `var-${name}`]));
  return createClient({
    providers: { [provider.id]: { baseURL: `${server.url}/p/${provider.id}`, apiKey: keyFor(provider.id), urlVariables } },
    maxRetries: extra.maxRetries ?? 0,
  });
}

function checkWire(provider: ProviderDefinition, request: RecordedRequest | undefined): Record<string, unknown> {
  if (request === undefined) throw new Error('no request reached the mock');
  expect(request.method).toBe('POST');
  expect(request.path).toBe(`/p/${provider.id}${provider.endpoints.chat?.path ?? ''}`);
  const auth = provider.auth;
  if (auth.scheme === 'bearer') expect(request.headers.authorization).toBe(`Bearer ${keyFor(provider.id)}`);
  else if (auth.scheme === 'header') expect(request.headers[auth.header.toLowerCase()]).toBe(`${auth.prefix}${keyFor(provider.id)}`);
  expect(request.headers['anthropic-version']).toBe('2023-06-01');
  const body = request.body as Record<string, unknown>;
  expect(body.model).toBe('test-model');
  expect(body.max_tokens).toBe(provider.quirks.defaultParams.max_tokens ?? 4096);
  expect(body.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
  expect(body.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  return body;
}

describe('every registry provider on the anthropic dialect', () => {
  it('covers Anthropic and the Anthropic-compatible endpoints', () => {
    expect(anthropicProviders.map((provider) => provider.id)).toEqual(
      expect.arrayContaining(['anthropic', 'deepseek_anthropic', 'moonshot_anthropic', 'minimax_anthropic', 'zhipu_anthropic', 'zai_anthropic']),
    );
  });

  it.each(anthropicProviders.map((provider) => [provider.id, provider] as const))('%s: chat and stream from its registry entry alone', async (_id, provider) => {
    const client = clientFor(provider);
    server.handle(sendJson(200, textResponse));
    const reply = await client.chat({ model: `${provider.id}/test-model`, messages });
    expect(reply.choices[0]?.message.content).toBe('Hi! My name is Claude.');
    expect(reply.usage).toEqual({ prompt_tokens: 2095, completion_tokens: 503, total_tokens: 2598 });
    expect(checkWire(provider, server.requests[0]).stream).toBeUndefined();

    serveSse(anthropicSse(toolStreamEvents));
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of client.chatStream({ model: `${provider.id}/test-model`, messages })) chunks.push(chunk);
    expect(checkWire(provider, server.requests[1]).stream).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });
});

describe('deepseek_anthropic, through JSON alone', () => {
  it('streams thinking and reports what the Anthropic format cannot carry', async () => {
    const client = createClient({ apiKeys: { deepseek_anthropic: 'sk-deepseek-test' }, providers: { deepseek_anthropic: { baseURL: server.url } }, maxRetries: 0 });
    serveSse(anthropicSse(thinkingStreamEvents));
    const stream = client.chatStream({ model: 'deepseek_anthropic/deepseek-reasoner', messages, reasoning_effort: 'low', seed: 3 });
    let reasoning = '';
    let content = '';
    for await (const chunk of stream) {
      reasoning += chunk.choices[0]?.delta?.reasoning_content ?? '';
      content += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(reasoning).toContain('453 = 400 + 50 + 3');
    expect(content).toBe('27 * 453 = 12,231');
    const request = server.requests[0];
    expect(request?.path).toBe('/messages');
    expect(request?.headers['x-api-key']).toBe('sk-deepseek-test');
    // The catalogue's output limit for deepseek-reasoner (384000 in the snapshot), which the thinking budget fits inside.
    expect(request?.body).toMatchObject({ model: 'deepseek-reasoner', max_tokens: 384_000, thinking: { type: 'enabled', budget_tokens: 1024 }, stream: true });
    expect(callInfo(stream).warnings).toContain('dropped "seed": the Anthropic Messages API has no equivalent');
    expect(callInfo(stream).usage).toEqual({ prompt_tokens: 39, completion_tokens: 123, total_tokens: 162 });
  });
});

describe('an Anthropic-compatible provider registered at run time', () => {
  it('works from its JSON entry, with bearer auth and its own path', async () => {
    const client = createClient({
      customProviders: [
        {
          id: 'acme_claude',
          name: 'Acme (Anthropic-compatible)',
          kind: 'hosted',
          dialect: 'anthropic',
          baseURL: `${server.url}/acme/anthropic`,
          auth: { scheme: 'bearer', envVar: 'ACME_CLAUDE_TOKEN' },
          endpoints: { chat: { path: '/v1/messages' } },
          quirks: { headers: { 'anthropic-version': '2023-06-01' } },
        },
      ],
      apiKeys: { acme_claude: 'acme-token-123456' },
      maxRetries: 0,
    });
    server.handle(sendJson(200, textResponse));
    const reply = await client.chat({ model: 'acme_claude/acme-large', messages });
    expect(reply.choices[0]?.message.content).toBe('Hi! My name is Claude.');
    const request = server.requests[0];
    expect(request?.path).toBe('/acme/anthropic/v1/messages');
    expect(request?.headers.authorization).toBe('Bearer acme-token-123456');
    // No defaultParams in the entry: the dialect's own default fills Anthropic's required max_tokens.
    expect(request?.body).toMatchObject({ model: 'acme-large', max_tokens: 4096 });
  });
});

describe('anthropic provider', () => {
  const client = (maxRetries = 0) =>
    createClient({ apiKeys: { anthropic: 'sk-ant-e2e-test' }, providers: { anthropic: { baseURL: server.url } }, maxRetries });
  const saved = process.env.ANTHROPIC_API_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.ANTHROPIC_API_KEY;
    else process.env.ANTHROPIC_API_KEY = saved;
  });

  it('retries a 529 overloaded answer, then succeeds', async () => {
    let calls = 0;
    server.handle((_request, response) => {
      calls += 1;
      const [status, body] = calls === 1 ? [529, errorBody('overloaded_error', 'Overloaded')] : [200, textResponse];
      response.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '1' });
      response.end(JSON.stringify(body));
    });
    const reply = await client(1).chat({ model: 'anthropic/claude-sonnet-4-5', messages });
    expect(reply.choices[0]?.message.content).toBe('Hi! My name is Claude.');
    expect(callInfo(reply).attempts).toBe(2);
  });

  it('gives up on 529 with a ServiceUnavailableError carrying the body', async () => {
    server.handle(sendJson(529, errorBody('overloaded_error', 'Overloaded')));
    const error = await client().chat({ model: 'anthropic/claude-sonnet-4-5', messages }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'ServiceUnavailable', status: 529, provider: 'anthropic', retryable: true });
  });

  it('sends the Files API beta header when a message uses a file_id', async () => {
    server.handle(sendJson(200, textResponse));
    await client().chat({
      model: 'anthropic/claude-sonnet-4-5',
      messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file_011CNha8iCJcU1wXNR6q4V8w' } }, { type: 'text', text: 'Summarize' }] }],
    });
    expect(server.requests[0]?.headers['anthropic-beta']).toBe('files-api-2025-04-14');
    expect(server.requests[0]?.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('returns structured output from the emulated json_response tool', async () => {
    server.handle(
      sendJson(200, {
        ...textResponse,
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'json_response', input: { capital: 'Paris' } }],
        stop_reason: 'tool_use',
      }),
    );
    const reply = await client().chat({
      model: 'anthropic/claude-sonnet-4-5',
      messages,
      response_format: { type: 'json_schema', json_schema: { name: 'capital', schema: { type: 'object', properties: { capital: { type: 'string' } } } } },
    });
    expect(JSON.parse(reply.choices[0]?.message.content ?? '')).toEqual({ capital: 'Paris' });
    expect(reply.choices[0]?.finish_reason).toBe('stop');
    expect(server.requests[0]?.body).toMatchObject({ tool_choice: { type: 'tool', name: 'json_response' } });
  });

  it('lists models from GET /models in OpenAI’s shape', async () => {
    server.handle(sendJson(200, modelsListResponse));
    const list = await client().listModels({ provider: 'anthropic' });
    expect(list.data.map((model) => model.id)).toEqual(['claude-sonnet-4-5-20250929', 'claude-3-7-sonnet-20250219']);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.url).toBe('/models?limit=1000');
  });

  it('has no embeddings', async () => {
    const error = await client().embed({ model: 'anthropic/claude-sonnet-4-5', input: ['a'] }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'EndpointNotSupported' });
    expect(server.requests).toHaveLength(0);
  });

  it('names the environment variable when no key is configured, before sending', async () => {
    delete process.env.ANTHROPIC_API_KEY;
    const keyless = createClient({ providers: { anthropic: { baseURL: server.url } }, maxRetries: 0 });
    const error = await keyless.chat({ model: 'anthropic/claude-sonnet-4-5', messages }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'Authentication' });
    expect(String((error as Error).message)).toContain('ANTHROPIC_API_KEY');
    expect(server.requests).toHaveLength(0);
  });
});
