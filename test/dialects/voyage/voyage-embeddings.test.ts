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
  createClient({ providers: { voyage: { baseURL: `${server.url}/v1`, apiKey: 'key-voyage-0123456789' } }, maxRetries: 0 });

describe('Voyage embeddings (POST /v1/embeddings)', () => {
  it('sends output_dimension and Voyage fields, and counts total_tokens as input', async () => {
    server.handle(
      sendJson(200, {
        object: 'list',
        data: [
          { object: 'embedding', embedding: [0.5, 0.25], index: 0 },
          { object: 'embedding', embedding: [0.1, 0.2], index: 1 },
        ],
        model: 'voyage-3.5',
        usage: { total_tokens: 11 },
      }),
    );
    const result = await client().embed({
      model: 'voyage/voyage-3.5',
      input: ['a', 'b'],
      dimensions: 512,
      encoding_format: 'float',
      user: 'u-1',
      extra_body: { input_type: 'document', truncation: true },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/embeddings' });
    expect(request?.headers.authorization).toBe('Bearer key-voyage-0123456789');
    expect(request?.body).toEqual({
      model: 'voyage-3.5',
      input: ['a', 'b'],
      output_dimension: 512,
      input_type: 'document',
      truncation: true,
    });
    expect(result.data.map((item) => item.embedding)).toEqual([
      [0.5, 0.25],
      [0.1, 0.2],
    ]);
    expect(result.usage).toEqual({ total_tokens: 11, prompt_tokens: 11 });
    expect(callInfo(result)).toMatchObject({
      provider: 'voyage',
      usage: { prompt_tokens: 11, completion_tokens: 0, total_tokens: 11 },
      warnings: ['dropped "user": Voyage embeddings take no end-user id'],
    });
  });

  it('keeps base64 and maps errors', async () => {
    server.handle(sendJson(200, { data: [{ embedding: 'AACAPw==', index: 0 }] }));
    const result = await client().embed({ model: 'voyage/voyage-code-3', input: 'x', encoding_format: 'base64' });
    expect(server.requests[0]?.body).toEqual({ model: 'voyage-code-3', input: 'x', encoding_format: 'base64' });
    expect(result.data[0]?.embedding).toBe('AACAPw==');
    server.handle(sendJson(429, { detail: 'rate limited' }));
    await expect(client().embed({ model: 'voyage/voyage-3.5', input: 'x' })).rejects.toMatchObject({
      name: 'RateLimitedError',
      provider: 'voyage',
    });
  });
});
