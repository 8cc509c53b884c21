import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { createMemoryBudgetStore } from '../../src/middleware/budget/create-memory-budget-store.js';
import { chatChunk, startMockServer, type MockServer } from '../support/mock-server.js';

// A consumer that stops pulling and drops the iterator, without `return()`: nothing will ever
// end the stream from the consumer's side. Its reservation is settled when the idle timer fires,
// at the cost of what was streamed.

let server: MockServer;
let closed = false;

beforeAll(async () => {
  server = await startMockServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    // Two chunks, then the connection stays open (a model still thinking, no keep-alives).
    response.write(`data: ${JSON.stringify(chatChunk('y'.repeat(40)))}\n\ndata: ${JSON.stringify(chatChunk('z'.repeat(40)))}\n\n`);
    response.on('close', () => {
      closed = true;
    });
  });
});
afterAll(async () => {
  await server.close();
});

describe('a stream dropped without return()', () => {
  it('settles its reservation at the cost of what was streamed when its idle timer fires', { timeout: 20_000 }, async () => {
    const store = createMemoryBudgetStore();
    const client = createClient({
      providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-test' } },
      maxRetries: 0,
      // Long enough for the first priced call to load the price table and catalogue on a busy
      // machine before the stream opens; it is also the idle timeout this test waits out.
      timeoutMs: 1500,
      budget: { limitUsd: 1, mode: 'hard', store },
    });
    const iterator = client.chatStream({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello' }], max_tokens: 1000 })[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    expect((await iterator.next()).done).toBe(false);
    expect((await store.read('global|all')).reserved).toBeGreaterThan(0);
    // The consumer stops here and never calls next() or return() again.

    const startedAt = Date.now();
    while ((await store.read('global|all')).reserved > 0 && Date.now() - startedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // 'hello' is 2 estimated input tokens at $2.5 per million; 80 characters streamed, 20 output tokens at $10.
    expect(await store.read('global|all')).toEqual({ spent: Math.round(((2 * 2.5 + 20 * 10) / 1e6) * 1e9), reserved: 0 });
    expect(closed).toBe(true);
  });
});
