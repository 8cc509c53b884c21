// Issue 11, point 1: what a provider tells the cache about its caller is a digest, computed once,
// stable for one credential (not per request), different for another, and never the secret.
import { describe, expect, it } from 'vitest';
import { createAzureAuthorizer } from '../../src/dialects/azure/create-azure-authorizer.js';
import { createBedrockAuthorizer } from '../../src/dialects/bedrock/create-bedrock-authorizer.js';
import type { Authorizer, AuthorizerInput } from '../../src/dialects/dialect.js';
import { createVertexAuthorizer } from '../../src/dialects/vertex-ai/create-vertex-authorizer.js';
import { callInfo, createClient, createMemoryCacheStore, type CacheStore } from '../../src/index.js';
import { resolveProvider } from '../../src/routing/resolve-provider.js';
import type { ProviderOverride } from '../../src/routing/resolved-provider.js';
import { chatResponse, sendJson, startMockServer } from '../support/mock-server.js';
import { fakeProvider } from '../support/fake-call-context.js';

const input = (override: ProviderOverride, env: Record<string, string> = {}, apiKey?: string): AuthorizerInput => ({
  providerId: 'p',
  override,
  apiKey,
  env,
  fetch: undefined,
});
const identity = (authorizer: Authorizer | undefined): Promise<unknown> => authorizer?.identity?.() ?? Promise.resolve(undefined);

describe('credential identity of per-request authorizers', () => {
  it('Bedrock SigV4: the access key id, secret and session token, the same for every signed request', async () => {
    const a = createBedrockAuthorizer(input({ aws: { accessKeyId: 'AKIDA', secretAccessKey: 's', sessionToken: 't1' } }));
    expect(await identity(a)).toEqual(await identity(createBedrockAuthorizer(input({ aws: { accessKeyId: 'AKIDA', secretAccessKey: 's', sessionToken: 't1' } }))));
    const others = await Promise.all(
      [
        { accessKeyId: 'AKIDB', secretAccessKey: 's', sessionToken: 't1' },
        { accessKeyId: 'AKIDA', secretAccessKey: 's', sessionToken: 't2' },
        { accessKeyId: 'AKIDA', secretAccessKey: 's2', sessionToken: 't1' },
      ].map((aws) => identity(createBedrockAuthorizer(input({ aws })))),
    );
    for (const other of others) expect(other).not.toEqual(await identity(a));
    expect(await identity(createBedrockAuthorizer(input({ apiKey: 'bedrock-key' })))).not.toEqual(await identity(createBedrockAuthorizer(input({ apiKey: 'other-key' }))));
  });

  it('Vertex: a token, a service account or a token function each name their source; the exchanged token does not matter', async () => {
    const fixed = await identity(createVertexAuthorizer(input({ accessToken: 'ya29.a' })));
    expect(fixed).not.toEqual(await identity(createVertexAuthorizer(input({ accessToken: 'ya29.b' }))));
    const account = (email: string) => ({ type: 'service_account', client_email: email, private_key: 'pem' });
    const first = await identity(createVertexAuthorizer(input({ serviceAccount: account('a@x') })));
    expect(first).toEqual(await identity(createVertexAuthorizer(input({ serviceAccount: account('a@x') }))));
    expect(first).not.toEqual(await identity(createVertexAuthorizer(input({ serviceAccount: account('b@x') }))));
    const source = () => 'ya29.a';
    expect(await identity(createVertexAuthorizer(input({ accessToken: source })))).toEqual(await identity(createVertexAuthorizer(input({ accessToken: source }))));
    expect(await identity(createVertexAuthorizer(input({ accessToken: source })))).not.toEqual(await identity(createVertexAuthorizer(input({ accessToken: () => 'ya29.a' }))));
  });

  it('Azure: an Entra token, or the AZURE_OPENAI_API_KEY fallback', async () => {
    expect(await identity(createAzureAuthorizer(input({ accessToken: 'a' })))).not.toEqual(await identity(createAzureAuthorizer(input({ accessToken: 'b' }))));
    const azure = { ...input({}, { AZURE_OPENAI_API_KEY: 'k1' }), providerId: 'azure' };
    expect(await identity(createAzureAuthorizer(azure))).not.toEqual(await identity(createAzureAuthorizer({ ...azure, env: { AZURE_OPENAI_API_KEY: 'k2' } })));
  });
});

describe('ResolvedProvider.scopeDigest', () => {
  const definition = fakeProvider('acme', 'https://acme.example/v1').definition;
  const resolve = (apiKey: string, authorizer?: Authorizer, headers: Record<string, string> = {}) =>
    resolveProvider({
      definition: { ...definition, auth: { scheme: 'bearer', envVar: 'ACME_KEY', optional: false } },
      override: { apiKey },
      apiKey: undefined,
      fallbackApiKey: undefined,
      clientHeaders: headers,
      env: {},
      createAuthorizer: authorizer === undefined ? undefined : () => authorizer,
    });

  it('is a hex SHA-256 without the secret, split by key and headers, shared by scope "shared"', async () => {
    const a = await resolve('sk-secret-a').scopeDigest('credential');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('sk-secret-a');
    expect(await resolve('sk-secret-a').scopeDigest('credential')).toBe(a);
    expect(await resolve('sk-secret-b').scopeDigest('credential')).not.toBe(a);
    expect(await resolve('sk-secret-a', undefined, { 'X-Tenant': '2' }).scopeDigest('credential')).not.toBe(a);
    expect(await resolve('sk-secret-a').scopeDigest('shared')).toBe(await resolve('sk-secret-b').scopeDigest('shared'));
  });

  it("asks the authorizer for its identity once, not per call", async () => {
    let asked = 0;
    const provider = resolve('k', {
      headers: async () => ({}),
      identity: async () => {
        asked += 1;
        return ['token', 'x'];
      },
    });
    await Promise.all([provider.scopeDigest('credential'), provider.scopeDigest('credential'), provider.scopeDigest('credential')]);
    expect(asked).toBe(1);
  });
});

describe('the store never sees a secret', () => {
  it('keys and values written for a credential-scoped call hold no key or header value', async () => {
    const server = await startMockServer(sendJson(200, chatResponse('ok')));
    try {
      const seen: string[] = [];
      const memory = createMemoryCacheStore({ maxEntries: 10 });
      const store: CacheStore = {
        get: (key) => (seen.push(key), memory.get(key)),
        set: (key, value, ttlMs) => (seen.push(key, JSON.stringify(value)), memory.set(key, value, ttlMs)),
        delete: (key) => memory.delete(key),
      };
      const client = createClient({ providers: { groq: { baseURL: server.url, apiKey: 'sk-canary-123' } }, cache: { store }, maxRetries: 0 });
      const messages = [{ role: 'user' as const, content: 'Hi' }];
      await client.chat({ model: 'groq/m', messages }, { headers: { 'x-api-key': 'user-canary-456' } });
      expect(callInfo(await client.chat({ model: 'groq/m', messages }, { headers: { 'x-api-key': 'user-canary-456' } })).cache).toBe('hit');
      expect(seen.length).toBeGreaterThan(2);
      for (const text of seen) {
        expect(text).not.toContain('sk-canary-123');
        expect(text).not.toContain('user-canary-456');
      }
    } finally {
      await server.close();
    }
  });
});
