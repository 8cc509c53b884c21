import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () =>
  createClient({ providers: { jina: { baseURL: `${server.url}/v1`, apiKey: 'key-jina-0123456789' } }, maxRetries: 0 });

describe('Jina embeddings (POST /v1/embeddings)', () => {
  it('sends OpenAI fields with embedding_type for base64 and reads the OpenAI-shaped answer', async () => {
    server.handle(
      sendJson(200, {
        model: 'jina-embeddings-v3',
        object: 'list',
        usage: { total_tokens: 7, prompt_tokens: 7 },
        data: [{ object: 'embedding', index: 0, embedding: 'AACAPw==' }],
      }),
    );
    const result = await client().embed({
      model: 'jina/jina-embeddings-v3',
      input: ['hello'],
      dimensions: 256,
      encoding_format: 'base64',
      user: 'u-1',
      extra_body: { task: 'retrieval.query' },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/embeddings' });
    expect(request?.headers.authorization).toBe('Bearer key-jina-0123456789');
    expect(request?.body).toEqual({
      model: 'jina-embeddings-v3',
      input: ['hello'],
      dimensions: 256,
      embedding_type: 'base64',
      task: 'retrieval.query',
    });
    expect(result.data[0]?.embedding).toBe('AACAPw==');
    expect(callInfo(result)).toMatchObject({
      provider: 'jina',
      usage: { prompt_tokens: 7, completion_tokens: 0, total_tokens: 7 },
      warnings: ['dropped "user": Jina embeddings take no end-user id'],
    });
  });

  it('leaves float, the default, unsaid and maps errors through the shared status table', async () => {
    server.handle(sendJson(200, { data: [{ embedding: [0.1, 0.2], index: 0 }] }));
    await client().embed({ model: 'jina/jina-clip-v2', input: 'a', encoding_format: 'float' });
    expect(server.requests[0]?.body).toEqual({ model: 'jina-clip-v2', input: 'a' });
    server.handle(sendJson(401, { detail: 'Invalid API key' }));
    await expect(client().embed({ model: 'jina/jina-embeddings-v3', input: 'a' })).rejects.toMatchObject({
      name: 'AuthenticationError',
      provider: 'jina',
    });
    server.handle(sendJson(200, { data: 'nope' }));
    await expect(client().embed({ model: 'jina/jina-embeddings-v3', input: 'a' })).rejects.toMatchObject({
      name: 'InvalidResponseError',
    });
  });
});
