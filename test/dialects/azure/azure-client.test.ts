// End to end through createClient: deployment URLs, api-version, api-key or Entra ID auth, and
// Azure's filter results and errors, against the loopback mock (or a fetch stub for real hosts);
// and the same for the v1 API (`azure_v1`).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient, isLiterLlmError, type ChatCompletionChunk, type ClientOptions } from '../../../src/index.js';
import { sendJson, sseBody, startMockServer, type MockServer } from '../../support/mock-server.js';
import { chatResponse, errors, filteredResponse, promptFilterResults, textStreamPayloads } from './azure-fixtures.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  vi.stubEnv('AZURE_API_KEY', '');
  vi.stubEnv('AZURE_OPENAI_API_KEY', '');
  vi.stubEnv('AZURE_API_VERSION', '');
  vi.stubEnv('AZURE_RESOURCE_NAME', '');
  return () => vi.unstubAllEnvs();
});

const messages = [{ role: 'user' as const, content: 'Capital of France?' }];
const client = (azure: NonNullable<ClientOptions['providers']>[string] = { apiKey: 'azure-e2e-key' }, options: ClientOptions = {}) =>
  createClient({ maxRetries: 0, ...options, providers: { azure: { baseURL: server.url, ...azure } } });

describe('azure through createClient', () => {
  it('builds https://{resource}.openai.azure.com/openai/deployments/{deployment}/... from AZURE_RESOURCE_NAME', async () => {
    vi.stubEnv('AZURE_RESOURCE_NAME', 'contoso');
    vi.stubEnv('AZURE_API_KEY', 'env-key');
    const seen: Array<{ url: string; headers: Headers }> = [];
    const fetchStub: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, headers: request.headers });
      return new Response(JSON.stringify(chatResponse), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const response = await createClient({ fetch: fetchStub, maxRetries: 0 }).chat({ model: 'azure/gpt-4o-prod', messages });
    expect(seen[0]?.url).toBe('https://contoso.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21');
    expect(seen[0]?.headers.get('api-key')).toBe('env-key');
    expect(response.choices[0]?.message.content).toBe('Paris.');
    expect((response as unknown as { prompt_filter_results: unknown }).prompt_filter_results).toEqual(promptFilterResults);
  });

  it('takes an endpoint URL (AZURE_OPENAI_ENDPOINT style) as providers.azure.baseURL, and the api-version from AZURE_API_VERSION', async () => {
    vi.stubEnv('AZURE_API_VERSION', '2025-04-01-preview');
    server.handle(sendJson(200, chatResponse));
    await client().chat({ model: 'azure/gpt-4o-prod', messages });
    expect(server.requests[0]?.url).toBe('/openai/deployments/gpt-4o-prod/chat/completions?api-version=2025-04-01-preview');
    expect(server.requests[0]?.headers['api-key']).toBe('azure-e2e-key');
  });

  it('takes the api-version as providers.azure.urlVariables.api_version', async () => {
    server.handle(sendJson(200, chatResponse));
    await client({ apiKey: 'k', urlVariables: { api_version: '2024-12-01-preview' } }).chat({ model: 'azure/o3-mini', messages });
    expect(server.requests[0]?.query.get('api-version')).toBe('2024-12-01-preview');
  });

  it('authenticates with an Entra ID token function, called per request, with no api-key', async () => {
    server.handle(sendJson(200, chatResponse));
    const tokens: string[] = [];
    const azure = { accessToken: async () => {
      tokens.push(`entra-${tokens.length + 1}`);
      return tokens.at(-1) as string;
    } };
    const entra = client(azure);
    await entra.chat({ model: 'azure/gpt-4o-prod', messages });
    await entra.chat({ model: 'azure/gpt-4o-prod', messages });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer entra-1', 'Bearer entra-2']);
    expect(server.requests[0]?.headers['api-key']).toBeUndefined();
  });

  it('asks the token function again once after a 401', async () => {
    let calls = 0;
    server.handle((request, response) => {
      calls += 1;
      const ok = request.headers.authorization === 'Bearer fresh';
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(ok ? chatResponse : errors.invalidKey));
    });
    let issued = 0;
    const response = await client({ accessToken: () => (++issued === 1 ? 'expired' : 'fresh') }).chat({ model: 'azure/gpt-4o-prod', messages });
    expect(response.choices[0]?.message.content).toBe('Paris.');
    expect(calls).toBe(2);
  });

  it('uses AZURE_OPENAI_API_KEY when AZURE_API_KEY is not set', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'sdk-style-key');
    server.handle(sendJson(200, chatResponse));
    await client({}).chat({ model: 'azure/gpt-4o-prod', messages });
    expect(server.requests[0]?.headers['api-key']).toBe('sdk-style-key');
  });

  it('fails before sending without credentials, naming the env vars and the token option', async () => {
    const error = await client({}).chat({ model: 'azure/gpt-4o-prod', messages }).catch((thrown: unknown) => thrown as Error);
    expect(error).toMatchObject({ kind: 'Authentication', provider: 'azure' });
    expect((error as Error).message).toMatch(/AZURE_API_KEY.*AZURE_OPENAI_API_KEY.*providers\.azure\.accessToken/);
    expect(server.requests).toHaveLength(0);
  });

  it('fails before sending without a resource or endpoint, naming AZURE_RESOURCE_NAME', async () => {
    const error = await createClient({ apiKeys: { azure: 'k' }, maxRetries: 0 })
      .chat({ model: 'azure/gpt-4o-prod', messages })
      .catch((thrown: unknown) => thrown as Error);
    expect(error).toMatchObject({ kind: 'Configuration', message: expect.stringContaining('AZURE_RESOURCE_NAME') });
  });

  it('streams, dropping the prompt-filter announcement and reporting usage', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody(textStreamPayloads));
    });
    const stream = client().chatStream({ model: 'azure/gpt-4o-prod', messages });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.id === 'chatcmpl-8Ng3aXyLk')).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Paris.');
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(callInfo(stream)?.usage).toMatchObject({ total_tokens: 22 });
  });

  it('returns a filtered completion with finish_reason content_filter and its filter results', async () => {
    server.handle(sendJson(200, filteredResponse));
    const response = await client().chat({ model: 'azure/gpt-4o-prod', messages });
    expect(response.choices[0]).toMatchObject({
      finish_reason: 'content_filter',
      message: { content: null },
      content_filter_results: { violence: { filtered: true, severity: 'medium' } },
    });
  });

  it('maps a filtered prompt to ContentPolicyError and a missing deployment to NotFoundError', async () => {
    server.handle(sendJson(400, errors.promptFiltered));
    await expect(client().chat({ model: 'azure/gpt-4o-prod', messages })).rejects.toMatchObject({ kind: 'ContentPolicy', status: 400 });
    server.handle(sendJson(404, errors.deploymentNotFound));
    await expect(client().chat({ model: 'azure/gpt-4o-typo', messages })).rejects.toMatchObject({ kind: 'NotFound', status: 404 });
  });

  it('honours retry-after on a 429 and then succeeds', async () => {
    let calls = 0;
    server.handle((_request, response) => {
      calls += 1;
      response.writeHead(calls === 1 ? 429 : 200, { 'content-type': 'application/json', 'retry-after-ms': '10' });
      response.end(JSON.stringify(calls === 1 ? errors.rateLimited : chatResponse));
    });
    const response = await client({ apiKey: 'k' }, { maxRetries: 1 }).chat({ model: 'azure/gpt-4o-prod', messages });
    expect(callInfo(response)?.attempts).toBe(2);
  });

  it('embeds through the deployment embeddings path and lists models', async () => {
    server.handle(
      sendJson(200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], model: 'text-embedding-3-small', usage: { prompt_tokens: 2, total_tokens: 2 } }),
    );
    const embeddings = await client().embed({ model: 'azure/embed-prod', input: 'hello', dimensions: 2 });
    expect(server.requests[0]?.url).toBe('/openai/deployments/embed-prod/embeddings?api-version=2024-10-21');
    expect(server.requests[0]?.body).toEqual({ input: 'hello', dimensions: 2 });
    expect(embeddings.data[0]?.embedding).toEqual([0.1, 0.2]);

    server.handle(
      sendJson(200, {
        object: 'list',
        data: [{ id: 'gpt-4o-2024-08-06', object: 'model', created_at: 1723075200, status: 'succeeded', lifecycle_status: 'generally-available' }],
      }),
    );
    const models = await client().listModels({ provider: 'azure' });
    expect(server.requests[1]?.url).toBe('/openai/models?api-version=2024-10-21');
    expect(models.data[0]?.id).toBe('gpt-4o-2024-08-06');
  });
});

/** A client of `azure_v1`, Azure OpenAI's v1 API: /openai/v1/... paths, no api-version, the deployment as the body's `model`. */
const v1Client = (azure: NonNullable<ClientOptions['providers']>[string] = { apiKey: 'azure-v1-key' }) =>
  createClient({ maxRetries: 0, providers: { azure_v1: { baseURL: `${server.url}/openai/v1`, ...azure } } });

describe('azure_v1 (the v1 API) through createClient', () => {
  it('builds https://{resource}.openai.azure.com/openai/v1/chat/completions, with the deployment in the body and no api-version', async () => {
    vi.stubEnv('AZURE_RESOURCE_NAME', 'contoso');
    vi.stubEnv('AZURE_API_KEY', 'env-key');
    const seen: Request[] = [];
    const fetchStub: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init));
      return new Response(JSON.stringify(chatResponse), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const response = await createClient({ fetch: fetchStub, maxRetries: 0 }).chat({ model: 'azure_v1/gpt-4o-prod', messages });
    const [request] = seen;
    expect(request?.url).toBe('https://contoso.openai.azure.com/openai/v1/chat/completions');
    expect(request?.headers.get('api-key')).toBe('env-key');
    expect(((await request?.json()) as { model: string }).model).toBe('gpt-4o-prod');
    expect(response.choices[0]?.message.content).toBe('Paris.');
    expect((response as unknown as { prompt_filter_results: unknown }).prompt_filter_results).toEqual(promptFilterResults);
  });

  it('streams with usage asked for whatever AZURE_API_VERSION says (the v1 API has none), dropping the filter announcement', async () => {
    vi.stubEnv('AZURE_API_VERSION', '2024-06-01');
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody(textStreamPayloads));
    });
    const stream = v1Client().chatStream({ model: 'azure_v1/gpt-4o-prod', messages });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const [request] = server.requests;
    expect(request?.url).toBe('/openai/v1/chat/completions');
    expect(request?.body).toMatchObject({ model: 'gpt-4o-prod', stream: true, stream_options: { include_usage: true } });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Paris.');
    expect(callInfo(stream)?.warnings ?? []).toEqual([]);
  });

  it('embeds, lists models and reaches the other endpoints at /openai/v1 paths, the model in the body', async () => {
    server.handle(
      sendJson(200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], model: 'text-embedding-3-small', usage: { prompt_tokens: 2, total_tokens: 2 } }),
    );
    await v1Client().embed({ model: 'azure_v1/embed-prod', input: 'hello' });
    expect(server.requests[0]?.url).toBe('/openai/v1/embeddings');
    expect(server.requests[0]?.body).toMatchObject({ model: 'embed-prod', input: 'hello' });

    server.handle(sendJson(200, { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 0, owned_by: 'system' }] }));
    const models = await v1Client().listModels({ provider: 'azure_v1' });
    expect(server.requests[1]?.url).toBe('/openai/v1/models');
    expect(models.data.map((model) => model.id)).toEqual(['gpt-4o']);

    server.handle(sendJson(200, { data: [{ url: 'https://x/cat.png' }] }));
    await v1Client().imageGenerate({ model: 'azure_v1/image-prod', prompt: 'a cat' });
    expect(server.requests[2]?.url).toBe('/openai/v1/images/generations');
    expect(server.requests[2]?.body).toMatchObject({ model: 'image-prod' });
  });

  it('takes an Entra ID token as a bearer token, or the key from AZURE_OPENAI_API_KEY', async () => {
    server.handle(sendJson(200, chatResponse));
    await v1Client({ accessToken: 'entra-token' }).chat({ model: 'azure_v1/gpt-4o-prod', messages });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer entra-token');
    expect(server.requests[0]?.headers['api-key']).toBeUndefined();

    vi.stubEnv('AZURE_OPENAI_API_KEY', 'sdk-style-key');
    await v1Client({}).chat({ model: 'azure_v1/gpt-4o-prod', messages });
    expect(server.requests[1]?.headers['api-key']).toBe('sdk-style-key');
  });

  it('fails before sending without credentials, naming azure_v1 options', async () => {
    const error = await v1Client({}).chat({ model: 'azure_v1/gpt-4o-prod', messages }).catch((thrown: unknown) => thrown);
    expect(isLiterLlmError(error)).toBe(true);
    expect((error as Error).message).toMatch(/AZURE_API_KEY.*AZURE_OPENAI_API_KEY.*apiKeys\.azure_v1.*providers\.azure_v1\.accessToken/);
    expect(server.requests).toHaveLength(0);
  });

  it('maps a missing deployment to NotFoundError, as on deployment URLs', async () => {
    server.handle(sendJson(404, errors.deploymentNotFound));
    const error = await v1Client().chat({ model: 'azure_v1/nope', messages }).catch((thrown: unknown) => thrown);
    expect((error as { kind: string }).kind).toBe('NotFound');
  });
});
