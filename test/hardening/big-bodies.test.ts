import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isLiterLlmError, type LiterLlmError } from '../../src/index.js';
import { createUndiciFetch } from '../../src/undici-entry.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

// Hostile bodies from a loopback server: endless, huge, or cut mid-way. The server counts the bytes
// it managed to write before the client closed the connection, so "cut early" is measured, not assumed.

const MiB = 1024 * 1024;
/** What a hostile server offers: 500 MB, far more than any bound. */
const HUGE = 500 * 1000 * 1000;
const messages = [{ role: 'user' as const, content: 'Hi' }];

let server: MockServer;
const undiciFetch = createUndiciFetch();

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(async () => {
  await undiciFetch.close();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

interface Written {
  bytes: number;
  closed: Promise<void>;
}

/**
 * Streams up to 500 MB with backpressure, counting what was written, until the client goes away.
 * `declare` sends a content-length of the full size; otherwise the body is chunked.
 */
function hugeBody(status: number, written: Written, declare = false): (request: unknown, response: ServerResponse) => Promise<void> {
  return (_request, response) => {
    written.closed = new Promise<void>((resolve) => response.on('close', resolve));
    return new Promise<void>((resolve) => {
      response.writeHead(status, { 'content-type': 'application/json', ...(declare ? { 'content-length': String(HUGE) } : {}) });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let closed = false;
      response.on('close', () => {
        closed = true;
        resolve();
      });
      const pump = (): void => {
        while (!closed && written.bytes < HUGE) {
          written.bytes += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        if (!closed) response.end();
      };
      pump();
    });
  };
}

function newWritten(): Written {
  return { bytes: 0, closed: Promise.resolve() };
}

async function failure(promise: Promise<unknown>): Promise<LiterLlmError> {
  try {
    await promise;
  } catch (error) {
    if (isLiterLlmError(error)) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

const transports = [
  { name: 'global fetch', fetch: undefined },
  { name: 'undici fetch', fetch: undiciFetch as typeof fetch },
];

describe.each(transports)('big bodies over $name', ({ fetch }) => {
  const client = (options: { maxResponseBytes?: number; maxRetries?: number } = {}) =>
    createClient({
      providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-test' } },
      maxRetries: options.maxRetries ?? 2,
      timeoutMs: 20_000,
      ...(fetch === undefined ? {} : { fetch }),
      ...(options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes }),
    });

  it('cuts an endless 200 body at the default 64 MiB: InvalidResponseError, not retried', async () => {
    const written = newWritten();
    server.handle(hugeBody(200, written));
    const error = await failure(client().chat({ model: 'openai/gpt-4o-mini', messages }));
    await written.closed;
    expect(error.kind).toBe('InvalidResponse');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/maxResponseBytes/);
    expect(server.requests).toHaveLength(1);
    // Socket buffers hold a few MiB more than the client read; nowhere near 500 MB.
    expect(written.bytes).toBeLessThan(64 * MiB + 32 * MiB);
  });

  it('cuts a body at a per-call maxResponseBytes, with the client option below', async () => {
    const written = newWritten();
    server.handle(hugeBody(200, written));
    const error = await failure(
      client({ maxResponseBytes: 8 * MiB }).chat({ model: 'openai/gpt-4o-mini', messages }, { maxResponseBytes: MiB }),
    );
    await written.closed;
    expect(error.kind).toBe('InvalidResponse');
    expect(error.retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(written.bytes).toBeLessThan(32 * MiB);
  });

  it('refuses a declared content-length past the bound before reading the body', async () => {
    const written = newWritten();
    server.handle(hugeBody(200, written, true));
    const error = await failure(client({ maxResponseBytes: MiB }).chat({ model: 'openai/gpt-4o-mini', messages }));
    await written.closed;
    expect(error.kind).toBe('InvalidResponse');
    expect(error.retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(written.bytes).toBeLessThan(32 * MiB);
  });

  it('bounds a stream request answered with one endless JSON body', async () => {
    const written = newWritten();
    server.handle(hugeBody(200, written));
    const stream = client().chatStream({ model: 'openai/gpt-4o-mini', messages }, { maxResponseBytes: MiB });
    const error = await failure((async () => {
      for await (const _chunk of stream) {
        // nothing arrives
      }
    })());
    await written.closed;
    expect(error.kind).toBe('InvalidResponse');
    expect(error.retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(written.bytes).toBeLessThan(32 * MiB);
  });

  it('reads at most 64 KiB of an endless error body and keeps the status mapping (retried as a 503)', async () => {
    const written = newWritten();
    server.handle(hugeBody(503, written));
    const error = await failure(client({ maxRetries: 1 }).chat({ model: 'openai/gpt-4o-mini', messages }));
    await written.closed;
    expect(error.kind).toBe('ServiceUnavailable');
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(2);
    expect(typeof error.body === 'string' && error.body.length <= 64 * 1024).toBe(true);
    expect(written.bytes).toBeLessThan(2 * 32 * MiB);
  });

  it.each([
    { framing: 'content-length', headers: { 'content-length': '100000' } },
    { framing: 'chunked', headers: {} },
  ])('a connection cut mid-body ($framing) is a non-retryable typed error, sent once', async ({ headers }) => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', ...headers });
      response.write(JSON.stringify(chatResponse('partial')).slice(0, 40));
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const error = await failure(client().chat({ model: 'openai/gpt-4o-mini', messages }));
    expect(error.kind).not.toBe('Network');
    expect(error.kind).toBe('InvalidResponse');
    expect(error.retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('still reads a normal answer whole', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(chatResponse('é'.repeat(200_000))));
    });
    const reply = await client({ maxResponseBytes: MiB }).chat({ model: 'openai/gpt-4o-mini', messages });
    expect(reply.choices[0]?.message.content === 'é'.repeat(200_000)).toBe(true);
  });
});

describe('maxResponseBytes is checked', () => {
  it.each([0, -1, 1.5, Number.NaN, '10'])('rejects %s on the client and per call', async (value) => {
    server.handle(sendJson(200, chatResponse('unbounded')));
    expect(() => createClient({ maxResponseBytes: value as number })).toThrow(/maxResponseBytes/);
    const client = createClient({ providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-test' } } });
    // Synchronous or rejected, the call fails naming the option (a rejection for every bad argument is issue 11 point 8).
    await expect((async () => client.chat({ model: 'openai/gpt-4o-mini', messages }, { maxResponseBytes: value as number }))()).rejects.toThrow(
      /maxResponseBytes/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
