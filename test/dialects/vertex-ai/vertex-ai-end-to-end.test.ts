// Whole calls to vertex_ai through createClient: the service-account token exchange and the API
// calls both go to one loopback server (the account's token_uri and the provider baseURL).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient, isLiterLlmError } from '../../../src/index.js';
import { sseBody, startMockServer, type MockServer } from '../../support/mock-server.js';
import { createTestServiceAccount, type TestServiceAccount } from './create-test-service-account.js';
import { vertexEmbeddingResponse, vertexStreamEvents, vertexTextResponse, vertexUnauthenticatedBody } from './vertex-ai-fixtures.js';

let server: MockServer;
let account: TestServiceAccount;
let tokensIssued = 0;
/** How many API calls answer 401 before the rest succeed. */
let rejectFirst = 0;

beforeAll(async () => {
  server = await startMockServer();
  account = await createTestServiceAccount(`${server.url}/token`);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  tokensIssued = 0;
  rejectFirst = 0;
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', '');
  vi.stubEnv('VERTEXAI_ACCESS_TOKEN', '');
  vi.stubEnv('VERTEXAI_PROJECT', '');
  server.handle((request, response) => {
    if (request.path === '/token') {
      tokensIssued += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: `ya29.sa-${tokensIssued}`, expires_in: 3600, token_type: 'Bearer' }));
      return;
    }
    if (rejectFirst > 0) {
      rejectFirst -= 1;
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(vertexUnauthenticatedBody));
      return;
    }
    if (request.path.endsWith(':streamGenerateContent')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody(vertexStreamEvents, false));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(request.path.endsWith(':predict') ? vertexEmbeddingResponse : vertexTextResponse));
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const messages = [{ role: 'user' as const, content: 'Capital of France?' }];
const serviceAccountClient = () =>
  createClient({ maxRetries: 0, providers: { vertex_ai: { baseURL: server.url, serviceAccount: account.json } } });
const apiCalls = () => server.requests.filter((request) => request.path !== '/token');

async function caught(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error)).toBe(true);
  return error as Error & Record<string, unknown>;
}

describe('vertex_ai through createClient', () => {
  it('exchanges the service account once and reuses the token across calls', async () => {
    const client = serviceAccountClient();
    const reply = await client.chat({ model: 'vertex_ai/gemini-2.5-flash', messages });
    await client.chat({ model: 'vertex_ai/gemini-2.5-flash', messages });
    expect(reply.choices[0]?.message.content).toBe('Paris.');
    expect(reply.created).toBe(Date.UTC(2025, 5, 1, 12) / 1000);
    expect(tokensIssued).toBe(1);
    expect(apiCalls().map((request) => [request.path, request.headers.authorization])).toEqual([
      ['/publishers/google/models/gemini-2.5-flash:generateContent', 'Bearer ya29.sa-1'],
      ['/publishers/google/models/gemini-2.5-flash:generateContent', 'Bearer ya29.sa-1'],
    ]);
  });

  it('refreshes the token once after a 401 and succeeds', async () => {
    const client = serviceAccountClient();
    rejectFirst = 1;
    const reply = await client.chat({ model: 'vertex_ai/gemini-2.5-flash', messages });
    expect(reply.choices[0]?.message.content).toBe('Paris.');
    expect(tokensIssued).toBe(2);
    expect(apiCalls().map((request) => request.headers.authorization)).toEqual(['Bearer ya29.sa-1', 'Bearer ya29.sa-2']);
    expect(callInfo(reply).attempts).toBe(2);
  });

  it('gives up with an authentication error when the fresh token is refused too', async () => {
    rejectFirst = 5;
    const error = await caught(serviceAccountClient().chat({ model: 'vertex_ai/gemini-2.5-flash', messages }));
    expect(error).toMatchObject({ kind: 'Authentication', status: 401, provider: 'vertex_ai' });
    expect(apiCalls()).toHaveLength(2);
    expect(tokensIssued).toBe(2);
  });

  it('streams and embeds with the exchanged token', async () => {
    const client = serviceAccountClient();
    let text = '';
    for await (const chunk of client.chatStream({ model: 'vertex_ai/gemini-2.5-flash', messages })) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('Paris.');
    const vectors = await client.embed({ model: 'vertex_ai/text-embedding-005', input: ['a', 'b'] });
    expect(vectors.usage).toEqual({ prompt_tokens: 9, total_tokens: 9 });
    expect(apiCalls().map((request) => [request.url, request.headers.authorization])).toEqual([
      ['/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse', 'Bearer ya29.sa-1'],
      ['/publishers/google/models/text-embedding-005:predict', 'Bearer ya29.sa-1'],
    ]);
  });

  it('fills project and location into the regional URL, and takes a global baseURL override', async () => {
    const urls: string[] = [];
    const recordingFetch: typeof fetch = async (url) => {
      urls.push(url instanceof Request ? url.url : String(url));
      return new Response(JSON.stringify(vertexTextResponse), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const regional = createClient({
      fetch: recordingFetch,
      providers: { vertex_ai: { accessToken: 'ya29.x', urlVariables: { project: 'my-project', location: 'europe-west4' } } },
    });
    await regional.chat({ model: 'vertex_ai/gemini-2.5-flash', messages });
    vi.stubEnv('VERTEXAI_PROJECT', 'env-project');
    const global = createClient({
      fetch: recordingFetch,
      providers: { vertex_ai: { accessToken: 'ya29.x', baseURL: 'https://aiplatform.googleapis.com/v1/projects/{project}/locations/global' } },
    });
    await global.chat({ model: 'vertex_ai/gemini-2.5-flash', messages });
    expect(urls).toEqual([
      'https://europe-west4-aiplatform.googleapis.com/v1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent',
      'https://aiplatform.googleapis.com/v1/projects/env-project/locations/global/publishers/google/models/gemini-2.5-flash:generateContent',
    ]);
  });

  it('fails before sending when the project is missing, naming VERTEXAI_PROJECT', async () => {
    let sent = 0;
    const client = createClient({
      fetch: async () => {
        sent += 1;
        return new Response('{}');
      },
      providers: { vertex_ai: { accessToken: 'ya29.x' } },
    });
    const error = await caught(client.chat({ model: 'vertex_ai/gemini-2.5-flash', messages }));
    expect(error).toMatchObject({ kind: 'Configuration', provider: 'vertex_ai' });
    expect(error.message).toContain('VERTEXAI_PROJECT');
    expect(sent).toBe(0);
  });

  it('fails before sending when there are no credentials, naming GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const client = createClient({ providers: { vertex_ai: { baseURL: server.url } } });
    const error = await caught(client.chat({ model: 'vertex_ai/gemini-2.5-flash', messages }));
    expect(error).toMatchObject({ kind: 'Authentication', provider: 'vertex_ai' });
    expect(error.message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    expect(server.requests).toHaveLength(0);
  });
});
