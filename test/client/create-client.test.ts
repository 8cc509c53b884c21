import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, isLiterLlmError } from '../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { chatOnlyProvider, quirkyProvider } from '../support/custom-providers.js';

let server: MockServer;
const messages = [{ role: 'user' as const, content: 'Hi' }];

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(sendJson(200, chatResponse('Hello!')));
});

async function caught(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error)).toBe(true);
  return error as Record<string, unknown>;
}

describe('routing', () => {
  it('sends provider/model to that provider with the prefix removed', async () => {
    const client = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'gsk-test-key-123' } } });
    const reply = await client.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    expect(reply.choices[0]?.message.content).toBe('Hello!');
    const [request] = server.requests;
    expect(request?.path).toBe('/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer gsk-test-key-123');
    expect((request?.body as { model: string }).model).toBe('llama-3.3-70b-versatile');
  });

  it('keeps slashes after the first one in the model id', async () => {
    const client = createClient({ providers: { vllm: { baseURL: server.url } } });
    await client.chat({ model: 'vllm/meta-llama/Llama-3.2-1B', messages });
    expect((server.requests[0]?.body as { model: string }).model).toBe('meta-llama/Llama-3.2-1B');
  });

  it('detects the provider of a bare model name by prefix', async () => {
    const client = createClient({ providers: { openai: { baseURL: server.url, apiKey: 'sk-test-openai-key' } } });
    await client.chat({ model: 'gpt-4o-mini', messages });
    expect(callInfo(await client.chat({ model: 'gpt-4o-mini', messages })).provider).toBe('openai');
    expect((server.requests[0]?.body as { model: string }).model).toBe('gpt-4o-mini');
  });

  it('rejects an unknown provider and lists close matches', async () => {
    const client = createClient();
    await expect(client.chat({ model: 'gorq/llama', messages })).rejects.toThrow(/unknown provider "gorq"; did you mean "groq"/);
    expect(() => client.provider('opnai' as 'openai')).toThrow(/did you mean "openai"/);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a bare name no provider claims, unless modelHint names one', async () => {
    await expect(createClient().chat({ model: 'mystery-model', messages })).rejects.toThrow(/cannot tell which provider/);
    const client = createClient({ modelHint: 'vllm', providers: { vllm: { baseURL: server.url } } });
    await client.chat({ model: 'mystery-model', messages });
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a missing or empty model with a message naming the field', async () => {
    const client = createClient();
    await expect(client.chat({ model: '', messages })).rejects.toThrow(/request\.model/);
    await expect(client.chat({ messages } as never)).rejects.toThrow(/request\.model/);
  });
});

describe('gateway baseURL', () => {
  it('sends every call to the gateway in OpenAI format with the model string unchanged', async () => {
    const client = createClient({ baseURL: `${server.url}/gw/v1/`, apiKey: 'gateway-key-123456' });
    await client.chat({ model: 'anthropic/claude-sonnet-4-5', messages: [{ role: 'developer', content: 'x' }, ...messages] });
    const [request] = server.requests;
    expect(request?.path).toBe('/gw/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer gateway-key-123456');
    expect(request?.body).toEqual({
      model: 'anthropic/claude-sonnet-4-5',
      messages: [{ role: 'developer', content: 'x' }, ...messages],
    });
  });

  it('routes per-provider clients through the gateway with the provider prefix', async () => {
    const client = createClient({ baseURL: server.url });
    await client.provider('groq').chat({ model: 'llama-3.3-70b-versatile', messages });
    expect((server.requests[0]?.body as { model: string }).model).toBe('groq/llama-3.3-70b-versatile');
  });
});

describe('per-provider overrides and quirks', () => {
  it('keeps the provider quirks behind a per-provider baseURL', async () => {
    const client = createClient({
      customProviders: [quirkyProvider('http://unused.invalid')],
      providers: { quirky: { baseURL: `${server.url}/{region}/api`, apiKey: 'quirky-secret-key', headers: { 'X-Extra': '1' } } },
      headers: { 'X-Client-Wide': 'yes' },
    });
    const reply = await client.chat({
      model: 'quirky/quirk-large',
      messages: [{ role: 'developer', content: 'terse' }, ...messages],
      max_completion_tokens: 20,
      logit_bias: { '42': 1 },
    });
    const [request] = server.requests;
    expect(request?.path).toBe('/eu/api/deployments/quirk-large/chat');
    expect(request?.query.get('api-version')).toBe('2024-01-01');
    expect(request?.headers['x-api-key']).toBe('Key quirky-secret-key');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-client']).toBe('liter-llm-test');
    expect(request?.headers['x-client-wide']).toBe('yes');
    expect(request?.headers['x-extra']).toBe('1');
    expect(request?.body).toEqual({
      model: 'quirk-large',
      messages: [{ role: 'system', content: 'terse' }, ...messages],
      max_tokens: 20,
    });
    expect(callInfo(reply).warnings).toEqual(['dropped "logit_bias": the provider does not accept it']);
  });

  it('fills URL variables from options, then the environment, then defaults', async () => {
    process.env.QUIRKY_REGION = 'us';
    try {
      const fromEnv = createClient({ customProviders: [quirkyProvider(server.url)], apiKeys: { quirky: 'quirky-secret-key' } });
      await fromEnv.chat({ model: 'quirk-small', messages });
      expect(server.requests[0]?.path).toBe('/us/api/deployments/quirk-small/chat');
      const fromOptions = createClient({
        customProviders: [quirkyProvider(server.url)],
        providers: { quirky: { apiKey: 'quirky-secret-key', urlVariables: { region: 'ap' } } },
      });
      await fromOptions.chat({ model: 'quirk-small', messages });
      expect(server.requests[1]?.path).toBe('/ap/api/deployments/quirk-small/chat');
    } finally {
      delete process.env.QUIRKY_REGION;
    }
  });

  it('fails with ConfigurationError naming the variable when a URL variable has no value', async () => {
    const entry = quirkyProvider(server.url) as { urlVariables: Record<string, unknown> };
    entry.urlVariables = { region: { envVar: 'QUIRKY_REGION' } };
    const client = createClient({ customProviders: [entry], apiKeys: { quirky: 'quirky-secret-key' } });
    const error = await caught(client.chat({ model: 'quirky/quirk-small', messages }));
    expect(error.kind).toBe('Configuration');
    expect(String(error.message)).toMatch(/\{region\}.*QUIRKY_REGION/);
    expect(server.requests).toHaveLength(0);
  });

  it('reads keys from the provider environment variable', async () => {
    process.env.GROQ_API_KEY = 'gsk-from-env-000111';
    try {
      const client = createClient({ providers: { groq: { baseURL: server.url } } });
      await client.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
      expect(server.requests[0]?.headers.authorization).toBe('Bearer gsk-from-env-000111');
    } finally {
      delete process.env.GROQ_API_KEY;
    }
  });

  it('fails with AuthenticationError naming the env var when a key is missing, before any request', async () => {
    const previous = process.env.GROQ_API_KEY;
    delete process.env.GROQ_API_KEY;
    const client = createClient({ providers: { groq: { baseURL: server.url } } });
    const error = await caught(client.chat({ model: 'groq/llama-3.3-70b-versatile', messages }));
    expect(error.kind).toBe('Authentication');
    expect(String(error.message)).toContain('GROQ_API_KEY');
    expect(server.requests).toHaveLength(0);
    if (previous !== undefined) process.env.GROQ_API_KEY = previous;
  });

  it('sends no auth header to a local provider without a key', async () => {
    const client = createClient({ customProviders: [chatOnlyProvider(server.url)] });
    await client.chat({ model: 'chatonly/any', messages });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('endpoints and dialects', () => {
  it('rejects an endpoint the provider does not declare', async () => {
    const client = createClient({ customProviders: [chatOnlyProvider(server.url)] });
    const error = await caught(client.embed({ model: 'chatonly/any', input: ['a'] }));
    expect(error.kind).toBe('EndpointNotSupported');
    expect(String(error.message)).toContain('chatonly does not serve the embeddings endpoint');
    expect(server.requests).toHaveLength(0);
  });

  it('fails loudly for a provider whose dialect is not implemented yet', async () => {
    const entry = { ...chatOnlyProvider(server.url), id: 'bespoke', dialect: 'custom' };
    const client = createClient({ customProviders: [entry] });
    const error = await caught(client.chat({ model: 'bespoke/any', messages }));
    expect(error.kind).toBe('EndpointNotSupported');
    expect(String(error.message)).toContain('"custom" wire format');
    expect(server.requests).toHaveLength(0);
  });
});

describe('per-provider clients', () => {
  it('expose only the methods of the endpoints the provider declares', () => {
    const client = createClient();
    expect(Object.keys(client.provider('groq')).sort()).toEqual([
      'batches',
      'chat',
      'chatStream',
      'files',
      'id',
      'listModels',
      'responses',
      'speech',
      'transcribe',
      'translate',
    ]);
    expect(Object.keys(client.provider('perplexity')).sort()).toEqual(['chat', 'chatStream', 'id']);
    expect(Object.keys(client.provider('mistral')).sort()).toEqual([
      'chat',
      'chatStream',
      'embed',
      'files',
      'id',
      'listModels',
      'moderate',
      'ocr',
      'transcribe',
    ]);
    expect(Object.keys(client.provider('brave')).sort()).toEqual(['id', 'search']);
  });

  it('send the model id as given, slashes included', async () => {
    const client = createClient({ providers: { vllm: { baseURL: server.url } } });
    await client.provider('vllm').chat({ model: 'org/model-7b', messages });
    expect((server.requests[0]?.body as { model: string }).model).toBe('org/model-7b');
    expect(callInfo(await client.provider('vllm').chat({ model: 'm', messages })).provider).toBe('vllm');
  });
});

describe('embed and listModels', () => {
  it('embeds through the provider embeddings path', async () => {
    server.handle(
      sendJson(200, {
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
          { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
        ],
        model: 'mistral-embed',
        usage: { prompt_tokens: 4, total_tokens: 4 },
      }),
    );
    const client = createClient({ providers: { mistral: { baseURL: server.url, apiKey: 'mistral-test-key' } } });
    const vectors = await client.embed({ model: 'mistral/mistral-embed', input: ['a', 'b'] });
    expect(vectors.data.map((item) => item.embedding)).toEqual([[0.1, 0.2], [0.3, 0.4]]);
    expect(server.requests[0]?.path).toBe('/embeddings');
    expect(callInfo(vectors)).toMatchObject({ provider: 'mistral', model: 'mistral-embed', usage: { prompt_tokens: 4, total_tokens: 4 } });
  });

  it('lists a provider models', async () => {
    server.handle(sendJson(200, { object: 'list', data: [{ id: 'a', object: 'model', created: 1, owned_by: 'x' }] }));
    const client = createClient({ providers: { openrouter: { baseURL: server.url, apiKey: 'or-test-key-1234' } } });
    const models = await client.listModels({ provider: 'openrouter' });
    expect(models.data.map((model) => model.id)).toEqual(['a']);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/models' });
  });
});

describe('responses', () => {
  it('records the call in callInfo', async () => {
    const client = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'gsk-test-key-123' } } });
    const reply = await client.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    const info = callInfo(reply);
    expect(info).toMatchObject({
      operation: 'chat',
      provider: 'groq',
      model: 'llama-3.3-70b-versatile',
      attempts: 1,
      cache: 'bypass',
      fallbacks: [],
      complete: true,
      usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    });
    expect(info.latencyMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(reply)).not.toContain('latencyMs');
  });

  it('counts retries in callInfo', async () => {
    let calls = 0;
    server.handle((request, response) => {
      calls += 1;
      if (calls === 1) sendJson(500, { error: { message: 'flaky' } }, { 'retry-after-ms': '1' })(request, response);
      else sendJson(200, chatResponse('ok'))(request, response);
    });
    const client = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'gsk-test-key-123' } } });
    expect(callInfo(await client.chat({ model: 'groq/x', messages })).attempts).toBe(2);
  });

  it('rejects a 2xx body that does not fit with InvalidResponseError', async () => {
    server.handle(sendJson(200, { id: 'x', object: 'chat.completion' }));
    const client = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'gsk-test-key-123' } } });
    const error = await caught(client.chat({ model: 'groq/x', messages }));
    expect(error.kind).toBe('InvalidResponse');
    expect(String(error.message)).toContain('choices');
  });

  it('maps a 200 body holding only an error to its kind', async () => {
    server.handle(sendJson(200, { error: { message: 'quota', code: 429 } }));
    const client = createClient({ providers: { openrouter: { baseURL: server.url, apiKey: 'or-test-key-1234' } } });
    expect((await caught(client.chat({ model: 'openrouter/x', messages }))).kind).toBe('RateLimited');
  });
});

describe('options', () => {
  it('rejects unknown options by name', async () => {
    expect(() => createClient({ apikey: 'x' } as never)).toThrow(/unknown createClient option "apikey"/);
    expect(() => createClient({ rateLimit: {} })).toThrow(/rateLimit/);
    expect(() => createClient({ timeoutMs: -1 })).toThrow(/timeoutMs must be a non-negative number/);
    // setTimeout fires at once beyond 2^31 - 1 ms: such a deadline would fail every call after 1 ms.
    expect(() => createClient({ timeoutMs: 2 ** 31 })).toThrow(/timeoutMs must be at most 2147483647/);
    expect(() => createClient({ timeoutMs: 2 ** 31 - 1 })).not.toThrow();
    await expect(createClient().chat({ model: 'openai/gpt-4o', messages: [] }, { timeoutMs: 1e12 })).rejects.toThrow(/timeoutMs must be at most/);
    expect(() => createClient({ baseURL: 'localhost:4000' })).toThrow(/baseURL must be an absolute/);
    expect(() => createClient({ apiKeys: { nope: 'x' } })).toThrow(/unknown provider "nope"/);
  });

  it('validates customProviders like the registry, naming the field', () => {
    const bad = { ...quirkyProvider(server.url), auth: { scheme: 'bearer', envVar: 'lower_case' } };
    expect(() => createClient({ customProviders: [bad] })).toThrow(/customProviders\[0\] \("quirky"\).*\/auth/);
    expect(() => createClient({ customProviders: [{ ...chatOnlyProvider(server.url), id: 'groq' }] })).toThrow(/already exists/);
    const undeclared = { ...chatOnlyProvider(server.url), baseURL: 'https://{tenant}.example.com' };
    expect(() => createClient({ customProviders: [undeclared] })).toThrow(/\{tenant\} is not declared/);
  });

  it('passes per-call headers and a per-call maxRetries', async () => {
    server.handle(sendJson(503, { error: { message: 'down' } }));
    const client = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'gsk-test-key-123' } } });
    await caught(client.chat({ model: 'groq/x', messages }, { maxRetries: 0, headers: { 'X-Trace': 't1' } }));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['x-trace']).toBe('t1');
  });
});
