import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

// `files.create` and `batches.create` make something upstream. Once their request body went out,
// a 500/502/504 or a dropped connection may hide a file or batch that was created: sending again
// would make a second one. Only 429 and 503 (the server refused the work) and a connection that
// never opened are retried.
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const FILE = { id: 'file-abc', object: 'file', bytes: 18, created_at: 1, filename: 'batch.jsonl', purpose: 'batch' };
const BATCH = {
  id: 'batch_abc',
  object: 'batch',
  endpoint: '/v1/chat/completions',
  input_file_id: 'file-abc',
  completion_window: '24h',
  status: 'validating',
  created_at: 1,
};

function client(options: ClientOptions = {}) {
  return createClient({ providers: { openai: { apiKey: 'sk-openai-test-0123456789', baseURL: server.url } }, maxRetries: 3, ...options });
}

const upload = (c: ReturnType<typeof client>) =>
  c.files.create({ file: new TextEncoder().encode('{"custom_id":"1"}\n'), filename: 'batch.jsonl', purpose: 'batch' });
const createBatch = (c: ReturnType<typeof client>) =>
  c.batches.create({ input_file_id: 'file-abc', endpoint: '/v1/chat/completions', completion_window: '24h' });

/** Answers `status` to the first request (after reading its whole body), then `then`. */
function firstFails(status: number, then: Parameters<typeof server.handle>[0]): Parameters<typeof server.handle>[0] {
  let hits = 0;
  return (request, response) => {
    hits += 1;
    if (hits > 1) return then(request, response);
    sendJson(status, { error: { message: `status ${status}` } }, { 'retry-after-ms': '0' })(request, response);
  };
}

async function failure(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call was expected to fail');
}

describe('files.create and batches.create after the body was sent', () => {
  for (const status of [500, 502, 504]) {
    it(`files.create: a ${status} after the body was read is not retried (exactly one request)`, async () => {
      server.handle(firstFails(status, sendJson(200, FILE)));
      const c = client();
      const error = await failure(upload(c));
      expect(error).toMatchObject({ status });
      expect(server.requests.length).toBe(1);
      c.close();
    });
  }

  it('batches.create: a 500 after the body was read is not retried', async () => {
    server.handle(firstFails(500, sendJson(200, BATCH)));
    const c = client();
    const error = await failure(createBatch(c));
    expect(error).toMatchObject({ status: 500 });
    expect(server.requests.length).toBe(1);
    c.close();
  });

  it('files.create: a connection reset after the body was read is not retried', async () => {
    server.handle((request, response) => {
      response.socket?.destroy();
      void request;
    });
    const c = client();
    const error = await failure(upload(c));
    expect(error).toMatchObject({ kind: 'Network' });
    expect(server.requests.length).toBe(1);
    c.close();
  });

  for (const status of [429, 503]) {
    it(`files.create: a ${status} is retried`, async () => {
      server.handle(firstFails(status, sendJson(200, FILE)));
      const c = client();
      const created = await upload(c);
      expect(created.id).toBe('file-abc');
      expect(server.requests.length).toBe(2);
      c.close();
    });
  }

  it('batches.create: a 429 is retried', async () => {
    server.handle(firstFails(429, sendJson(200, BATCH)));
    const c = client();
    expect((await createBatch(c)).id).toBe('batch_abc');
    expect(server.requests.length).toBe(2);
    c.close();
  });

  it('files.create: a refused connection (nothing sent) is retried', async () => {
    const port = await closedPort();
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const c = createClient({
      providers: { openai: { apiKey: 'sk-openai-test-0123456789', baseURL: `http://127.0.0.1:${port}` } },
      maxRetries: 1,
      fetch: counting,
    });
    const error = await failure(upload(c));
    expect(error).toMatchObject({ kind: 'Network' });
    expect(attempts).toBe(2);
    c.close();
  });

  it('chat (which creates nothing) still retries a 500', async () => {
    server.handle(firstFails(500, sendJson(200, chatResponse('ok'))));
    const c = client();
    expect((await c.chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).choices[0]?.message.content).toBe('ok');
    expect(server.requests.length).toBe(2);
    c.close();
  });
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
