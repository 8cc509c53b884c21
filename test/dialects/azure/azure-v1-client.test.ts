// Azure OpenAI's v1 API (registry entry `azure_v1`) end to end through createClient: /openai/v1/...
// paths with no api-version, the deployment named by the body's `model`, and the same credentials,
// filter results and errors as the deployment-style `azure` entry.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient, isLiterLlmError, type ChatCompletionChunk, type ClientOptions } from '../../../src/index.js';
import { sendJson, sseBody, startMockServer, type MockServer } from '../../support/mock-server.js';
import { chatResponse, errors, promptFilterResults, textStreamPayloads } from './azure-fixtures.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  vi.stubEnv('AZURE_API_KEY', '');
  vi.stubEnv('AZURE_OPENAI_API_KEY', '');
  vi.stubEnv('AZURE_API_VERSION', '2024-06-01');
  vi.stubEnv('AZURE_RESOURCE_NAME', '');
  return () => vi.unstubAllEnvs();
});

const messages = [{ role: 'user' as const, content: 'Capital of France?' }];
const client = (azure: NonNullable<ClientOptions['providers']>[string] = { apiKey: 'azure-v1-key' }) =>
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
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody(textStreamPayloads));
    });
    const stream = client().chatStream({ model: 'azure_v1/gpt-4o-prod', messages });
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
    await client().embed({ model: 'azure_v1/embed-prod', input: 'hello' });
    expect(server.requests[0]?.url).toBe('/openai/v1/embeddings');
    expect(server.requests[0]?.body).toMatchObject({ model: 'embed-prod', input: 'hello' });

    server.handle(sendJson(200, { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 0, owned_by: 'system' }] }));
    const models = await client().listModels({ provider: 'azure_v1' });
    expect(server.requests[1]?.url).toBe('/openai/v1/models');
    expect(models.data.map((model) => model.id)).toEqual(['gpt-4o']);

    server.handle(sendJson(200, { data: [{ url: 'https://x/cat.png' }] }));
    await client().imageGenerate({ model: 'azure_v1/image-prod', prompt: 'a cat' });
    expect(server.requests[2]?.url).toBe('/openai/v1/images/generations');
    expect(server.requests[2]?.body).toMatchObject({ model: 'image-prod' });
  });

  it('takes an Entra ID token as a bearer token, or the key from AZURE_OPENAI_API_KEY', async () => {
    server.handle(sendJson(200, chatResponse));
    await client({ accessToken: 'entra-token' }).chat({ model: 'azure_v1/gpt-4o-prod', messages });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer entra-token');
    expect(server.requests[0]?.headers['api-key']).toBeUndefined();

    vi.stubEnv('AZURE_OPENAI_API_KEY', 'sdk-style-key');
    await client({}).chat({ model: 'azure_v1/gpt-4o-prod', messages });
    expect(server.requests[1]?.headers['api-key']).toBe('sdk-style-key');
  });

  it('fails before sending without credentials, naming azure_v1 options', async () => {
    const error = await client({}).chat({ model: 'azure_v1/gpt-4o-prod', messages }).catch((thrown: unknown) => thrown);
    expect(isLiterLlmError(error)).toBe(true);
    expect((error as Error).message).toMatch(/AZURE_API_KEY.*AZURE_OPENAI_API_KEY.*apiKeys\.azure_v1.*providers\.azure_v1\.accessToken/);
    expect(server.requests).toHaveLength(0);
  });

  it('maps a missing deployment to NotFoundError, as on deployment URLs', async () => {
    server.handle(sendJson(404, errors.deploymentNotFound));
    const error = await client().chat({ model: 'azure_v1/nope', messages }).catch((thrown: unknown) => thrown);
    expect((error as { kind: string }).kind).toBe('NotFound');
  });
});
