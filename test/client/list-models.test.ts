import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { azureAiProvider } from '../../generated/providers/azure-ai.js';
import { createProviderClient } from '../../src/core.js';
import { defineProvider } from '../../src/define-provider.js';
import { callInfo, createClient, isLiterLlmError } from '../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function entry(
  id: string,
  endpoints: Record<string, { path: string }>,
  auth: Record<string, unknown> = { scheme: 'bearer', envVar: `${id.toUpperCase()}_TEST_KEY` },
) {
  return { id, name: id, kind: 'hosted', baseURL: `${server.url}/${id}`, auth, endpoints };
}

const customProviders = () => [
  entry('alpha', { chat: { path: '/chat' }, models: { path: '/models' } }),
  entry('beta', { chat: { path: '/chat' }, models: { path: '/v1/models' } }),
  entry('gamma', { chat: { path: '/chat' }, models: { path: '/models' } }),
  entry('delta', { chat: { path: '/chat' } }),
  entry('local', { models: { path: '/models' } }, { scheme: 'bearer', envVar: 'LOCAL_TEST_KEY', optional: true }),
];

describe('listModels without a provider', () => {
  it('lists every configured provider in parallel, ids as provider/model, failures collected', async () => {
    const arrived = new Set<string>();
    let bothArrived: () => void = () => {};
    const parallel = new Promise<void>((resolve) => {
      bothArrived = resolve;
    });
    server.handle(async (request, response) => {
      const provider = request.path.split('/')[1] as string;
      arrived.add(provider);
      if (arrived.has('alpha') && arrived.has('beta')) bothArrived();
      // Neither answers before both asked: a sequential listing would never finish.
      await parallel;
      if (provider === 'beta') sendJson(500, { error: { message: 'beta is down' } })(request, response);
      else
        sendJson(200, {
          object: 'list',
          data: [{ id: `${provider}-large`, object: 'model', owned_by: provider }, { id: `${provider}/small` }],
        })(request, response);
    });
    const client = createProviderClient(customProviders().map(defineProvider), {
      apiKeys: { alpha: 'alpha-key-123456', beta: 'beta-key-1234567', delta: 'delta-key-123456' },
      providers: { local: { baseURL: `${server.url}/local` } },
      apiKey: 'client-wide-key-123',
      maxRetries: 0,
    });
    const result = await client.listModels();
    expect(result.object).toBe('list');
    expect(result.data).toEqual([
      { id: 'alpha/alpha-large', object: 'model', owned_by: 'alpha', created: 0, provider: 'alpha' },
      { id: 'alpha/alpha/small', created: 0, provider: 'alpha' },
      { id: 'local/local-large', object: 'model', owned_by: 'local', created: 0, provider: 'local' },
      { id: 'local/local/small', created: 0, provider: 'local' },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.provider).toBe('beta');
    expect(isLiterLlmError(result.errors[0]?.error)).toBe(true);
    expect(result.errors[0]?.error).toMatchObject({ name: 'ServerError', status: 500, provider: 'beta' });
    // gamma has only the client-wide key, delta no models endpoint: neither is asked.
    expect(server.requests.map((request) => request.path).sort()).toEqual([
      '/alpha/models',
      '/beta/v1/models',
      '/local/models',
    ]);
    expect(server.requests.find((request) => request.path === '/alpha/models')?.headers.authorization).toBe(
      'Bearer alpha-key-123456',
    );
    expect(callInfo(result)).toMatchObject({ operation: 'listModels', provider: '*', attempts: 3, complete: true });
  });

  it('returns an empty listing when no provider is configured', async () => {
    const client = createProviderClient(customProviders().map(defineProvider));
    expect(await client.listModels()).toEqual({ object: 'list', data: [], errors: [] });
    expect(server.requests).toHaveLength(0);
  });

  it('asks the gateway when the client has a baseURL', async () => {
    server.handle(sendJson(200, { object: 'list', data: [{ id: 'openai/gpt-4o' }] }));
    const client = createClient({ baseURL: `${server.url}/gw`, apiKey: 'gateway-key-1234' });
    const result = await client.listModels();
    expect(result).toEqual({ object: 'list', data: [{ id: 'openai/gpt-4o', created: 0 }], errors: [] });
    expect(server.requests.map((request) => request.path)).toEqual(['/gw/models']);
    expect(callInfo(result).provider).toBe('gateway');
  });

  it('keeps listModels({ provider }) as it was: that provider only, ids unchanged', async () => {
    server.handle(sendJson(200, { object: 'list', data: [{ id: 'alpha-large' }] }));
    const client = createProviderClient(customProviders().map(defineProvider), {
      apiKeys: { alpha: 'alpha-key-123456', beta: 'beta-key-1234567' },
    });
    expect(await client.listModels({ provider: 'alpha' as never })).toEqual({ object: 'list', data: [{ id: 'alpha-large', created: 0 }] });
    expect(server.requests.map((request) => request.path)).toEqual(['/alpha/models']);
  });
});

describe('azure_ai', () => {
  // Its inference endpoint has no model list (GET /info describes one serverless model, which is
  // not a list), so the entry declares none: listing fails before sending, and the listing of
  // every configured provider leaves it out instead of collecting an error.
  it('declares no models endpoint', async () => {
    const client = createProviderClient([azureAiProvider], { providers: { azure_ai: { baseURL: server.url, apiKey: 'azure-ai-key-0123456789' } } });
    await expect(client.listModels({ provider: 'azure_ai' })).rejects.toMatchObject({
      name: 'EndpointNotSupportedError',
      message: 'azure_ai does not serve the models endpoint',
    });
    expect(await client.listModels()).toEqual({ object: 'list', data: [], errors: [] });
    expect(server.requests).toHaveLength(0);
  });
});
