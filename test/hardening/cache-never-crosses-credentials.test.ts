// Issue 11, point 1: two tenants sharing ONE cache store (in memory, and the real Redis when
// LITER_LLM_REDIS_URL is set) never get each other's answers, and a revoked key never gets an
// answer cached for a valid one. Every case checks what the loopback server really saw.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, createMemoryCacheStore, createRedisCacheStore, type CacheStore } from '../../src/index.js';
import { chatResponse, startMockServer, type MockServer } from '../support/mock-server.js';
import { connectTestRedis, redisAvailable, type TestRedis } from '../support/redis.js';

const messages = [{ role: 'user' as const, content: 'What is the secret plan?' }];
const model = 'groq/llama-3.3-70b-versatile';
const AWS_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'];

let server: MockServer;
let redis: TestRedis | undefined;
beforeAll(async () => {
  server = await startMockServer();
  if (redisAvailable) redis = await connectTestRedis();
  for (const name of AWS_VARIABLES) delete process.env[name];
});
afterAll(async () => {
  await server.close();
  await redis?.close();
});
beforeEach(() => {
  server.requests.length = 0;
  // Each tenant's answer names the credential the server saw, so a crossed answer is visible.
  server.handle((request, response) => {
    const credential = String(request.headers.authorization ?? request.headers['x-api-key'] ?? request.headers['api-key'] ?? 'none');
    if (credential.includes('revoked')) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'invalid api key' } }));
      return;
    }
    const body = request.path.endsWith('/converse')
      ? { output: { message: { role: 'assistant', content: [{ text: `for ${credential}` }] } }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } }
      : chatResponse(`for ${credential} ${String(request.headers['x-tenant'] ?? '')}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
});

const textOf = (reply: unknown): unknown => (reply as { choices: Array<{ message: { content: unknown } }> }).choices[0]?.message.content;

const stores: Array<[string, () => CacheStore]> = [['memory', () => createMemoryCacheStore({ maxEntries: 100 })]];
if (redisAvailable) {
  let run = 0;
  stores.push(['redis', () => createRedisCacheStore((redis as TestRedis).client, { prefix: `${(redis as TestRedis).prefix}${(run += 1)}:` })]);
}

describe.each(stores)('one shared %s cache store, two tenants', (_name, createStore) => {
  let store: CacheStore;
  beforeEach(() => {
    store = createStore();
  });
  const tenant = (providers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    createClient({ providers: providers as never, maxRetries: 0, cache: { store, ...extra } as never });

  it('tenant B never gets the answer cached for tenant A (different API keys)', async () => {
    const a = tenant({ groq: { baseURL: server.url, apiKey: 'key-tenant-a' } });
    const b = tenant({ groq: { baseURL: server.url, apiKey: 'key-tenant-b' } });
    expect(textOf(await a.chat({ model, messages }))).toContain('key-tenant-a');
    expect(callInfo(await a.chat({ model, messages })).cache).toBe('hit');
    const reply = await b.chat({ model, messages });
    expect(callInfo(reply).cache).toBe('miss');
    expect(textOf(reply)).toContain('key-tenant-b');
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer key-tenant-a', 'Bearer key-tenant-b']);
  });

  it('a revoked key never gets the answer cached for a valid key', async () => {
    const valid = tenant({ groq: { baseURL: server.url, apiKey: 'key-valid' } });
    const revoked = tenant({ groq: { baseURL: server.url, apiKey: 'key-revoked' } });
    await valid.chat({ model, messages });
    await expect(revoked.chat({ model, messages })).rejects.toMatchObject({ kind: 'Authentication', status: 401 });
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer key-revoked');
    // The valid key still hits its own entry.
    expect(callInfo(await valid.chat({ model, messages })).cache).toBe('hit');
  });

  it('a revoked key sent as a per-call header never gets the valid key\'s answer', async () => {
    // A gateway key on the client, the end user's own key per call (it replaces the client's).
    const client = tenant({ groq: { baseURL: server.url, apiKey: 'key-gateway' } });
    await client.chat({ model, messages }, { headers: { authorization: 'Bearer key-valid' } });
    await expect(client.chat({ model, messages }, { headers: { Authorization: 'Bearer key-revoked' } })).rejects.toMatchObject({ kind: 'Authentication' });
    expect(server.requests).toHaveLength(2);
  });

  it('per-call headers that differ split the cache; equal ones share it', async () => {
    const client = tenant({ groq: { baseURL: server.url, apiKey: 'key-gateway' } });
    await client.chat({ model, messages }, { headers: { 'x-api-key': 'user-1' } });
    const other = await client.chat({ model, messages }, { headers: { 'x-api-key': 'user-2' } });
    expect(callInfo(other).cache).toBe('miss');
    const tenantHeader = await client.chat({ model, messages }, { headers: { 'x-api-key': 'user-1', 'x-tenant': 't2' } });
    expect(callInfo(tenantHeader).cache).toBe('miss');
    expect(server.requests.map((request) => request.headers['x-api-key'])).toEqual(['user-1', 'user-2', 'user-1']);
    expect(callInfo(await client.chat({ model, messages }, { headers: { 'X-Api-Key': 'user-1' } })).cache).toBe('hit');
  });

  it('client and provider headers that differ split the cache', async () => {
    const a = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'k' } }, headers: { 'x-tenant': 'a' }, maxRetries: 0, cache: { store } });
    const b = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'k' } }, headers: { 'x-tenant': 'b' }, maxRetries: 0, cache: { store } });
    const c = tenant({ groq: { baseURL: server.url, apiKey: 'k', headers: { 'x-tenant': 'c' } } });
    await a.chat({ model, messages });
    expect(textOf(await b.chat({ model, messages }))).toContain(' b');
    expect(textOf(await c.chat({ model, messages }))).toContain(' c');
    expect(server.requests).toHaveLength(3);
  });

  it('router deployments with different keys behind the same alias do not share', async () => {
    const alias = (apiKey: string) =>
      createClient({
        providers: { groq: { baseURL: server.url } },
        maxRetries: 0,
        cache: { store },
        router: { smart: { deployments: [{ model, apiKey }] } },
      });
    await alias('key-alias-a').chat({ model: 'smart', messages });
    await expect(alias('key-alias-revoked').chat({ model: 'smart', messages })).rejects.toMatchObject({ kind: 'Authentication' });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer key-alias-a', 'Bearer key-alias-revoked']);
  });

  it('AWS (SigV4) credentials: another access key id or session token is another tenant; one key reuses its entry', async () => {
    const bedrock = (accessKeyId: string, sessionToken: string) =>
      tenant({ bedrock: { baseURL: server.url, aws: { accessKeyId, secretAccessKey: 'secret', sessionToken } } });
    const bedrockModel = 'bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0';
    const first = bedrock('AKIDTENANTA', 'session-a');
    await first.chat({ model: bedrockModel, messages });
    // A new signature per request, same credentials: a hit.
    expect(callInfo(await bedrock('AKIDTENANTA', 'session-a').chat({ model: bedrockModel, messages })).cache).toBe('hit');
    expect(callInfo(await bedrock('AKIDTENANTB', 'session-a').chat({ model: bedrockModel, messages })).cache).toBe('miss');
    expect(callInfo(await bedrock('AKIDTENANTA', 'session-b').chat({ model: bedrockModel, messages })).cache).toBe('miss');
    expect(server.requests).toHaveLength(3);
  });

  it('Azure access tokens: another token is another tenant', async () => {
    const azure = (accessToken: string | (() => string)) => tenant({ azure: { baseURL: server.url, accessToken, urlVariables: { resource: 'r' } } });
    await azure('entra-token-a').chat({ model: 'azure/gpt', messages });
    await expect(azure('entra-token-revoked').chat({ model: 'azure/gpt', messages })).rejects.toMatchObject({ kind: 'Authentication' });
    const source = () => 'entra-token-a';
    // A token function is its own token source: not assumed to be the same tenant as a string.
    expect(callInfo(await azure(source).chat({ model: 'azure/gpt', messages })).cache).toBe('miss');
    expect(server.requests).toHaveLength(3);
  });

  it("'shared' shares across keys but never across providers or base URLs", async () => {
    const shared = (providers: Record<string, unknown>) => tenant(providers, { scope: 'shared' });
    await shared({ groq: { baseURL: server.url, apiKey: 'key-a' } }).chat({ model, messages });
    const sameEndpoint = await shared({ groq: { baseURL: server.url, apiKey: 'key-b' } }).chat({ model, messages });
    expect(callInfo(sameEndpoint).cache).toBe('hit');
    const otherBase = await shared({ groq: { baseURL: `${server.url}/other`, apiKey: 'key-a' } }).chat({ model, messages });
    expect(callInfo(otherBase).cache).toBe('miss');
    // The same request (alias `smart`) served by another provider at the same base URL, same key.
    const viaAlias = (provider: string) =>
      createClient({
        providers: { [provider]: { baseURL: server.url, apiKey: 'key-a' } } as never,
        maxRetries: 0,
        cache: { store, scope: 'shared' },
        router: { smart: { deployments: [{ model: `${provider}/llama-3.3-70b-versatile` }] } },
      });
    await viaAlias('groq').chat({ model: 'smart', messages });
    expect(callInfo(await viaAlias('groq').chat({ model: 'smart', messages })).cache).toBe('hit');
    expect(callInfo(await viaAlias('openai').chat({ model: 'smart', messages })).cache).toBe('miss');
    expect(server.requests).toHaveLength(4);
  });
});

describe('cache.scope option', () => {
  it('is credential by default and rejects anything but credential or shared, naming the field', () => {
    expect(() => createClient({ cache: { scope: 'tenant' } as never })).toThrow(/cache\.scope/);
    expect(() => createClient({ cache: { scope: 'shared' } as never })).not.toThrow();
  });
});
