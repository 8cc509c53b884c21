import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('predibase', () => {
  it('a bare deployment calls its base model: empty model in the body, tenant in the URL', async () => {
    server.handle(sendJson(200, chatResponse('Hi')));
    const client = createClient({
      providers: {
        predibase: {
          apiKey: 'pb-key-0123456789',
          baseURL: `${server.url}/{tenant_id}/deployments/v2/llms`,
          urlVariables: { tenant_id: 'tenant-9' },
        },
      },
      maxRetries: 0,
    });
    const reply = await client.chat({ model: 'predibase/llama-3-1-8b-instruct', messages: [{ role: 'user', content: 'Hi' }] });
    expect(reply.choices[0]?.message.content).toBe('Hi');
    expect(server.requests[0]?.path).toBe('/tenant-9/deployments/v2/llms/llama-3-1-8b-instruct/v1/chat/completions');
    expect(server.requests[0]?.body).toMatchObject({ model: '', messages: [{ role: 'user', content: 'Hi' }] });
  });
});
