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
  createClient({ providers: { huggingface_inference: { baseURL: `${server.url}/hf-inference/models`, apiKey: 'hf_test_0123456789' } }, maxRetries: 0 });

describe('huggingface_inference: embeddings on the feature-extraction pipeline', () => {
  it('sends inputs to the model pipeline with the bearer token; one vector per text', async () => {
    server.handle(sendJson(200, [[0.1, 0.2], [0.3, 0.4]]));
    const result = await client().embed({ model: 'huggingface_inference/sentence-transformers/all-MiniLM-L6-v2', input: ['a', 'b'], dimensions: 2 });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
      body: { inputs: ['a', 'b'] },
    });
    expect(request?.headers.authorization).toBe('Bearer hf_test_0123456789');
    expect(result).toEqual({
      object: 'list',
      model: 'sentence-transformers/all-MiniLM-L6-v2',
      data: [
        { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
        { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
      ],
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
    expect(callInfo(result).warnings).toEqual([
      expect.stringContaining('dropped "dimensions"'),
      'huggingface_inference reports no token usage for embeddings: usage is zeros, not counts',
    ]);
  });

  it('refuses token-level vectors and token-id input', async () => {
    server.handle(sendJson(200, [[[0.1, 0.2], [0.3, 0.4]]]));
    await expect(client().embed({ model: 'huggingface_inference/bert-base-uncased', input: 'a' })).rejects.toMatchObject({
      name: 'InvalidResponseError',
      message: expect.stringContaining('a vector per token'),
    });
    await expect(client().embed({ model: 'huggingface_inference/bert-base-uncased', input: [1, 2] })).rejects.toMatchObject({ name: 'BadRequestError' });
  });

  it('maps an error body', async () => {
    server.handle(sendJson(503, { error: 'Model is currently loading', estimated_time: 20 }));
    await expect(client().embed({ model: 'huggingface_inference/x/y', input: 'a' })).rejects.toMatchObject({ status: 503, provider: 'huggingface_inference' });
  });
});
