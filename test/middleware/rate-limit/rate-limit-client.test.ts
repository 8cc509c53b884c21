import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, RateLimitedError } from '../../../src/index.js';
import { createMemoryRateLimitStore } from '../../../src/middleware/rate-limit/create-memory-rate-limit-store.js';
import { createRateLimitMiddleware } from '../../../src/middleware/rate-limit/create-rate-limit-middleware.js';
import type { RateLimitOptions } from '../../../src/middleware/rate-limit/normalize-rate-limit-options.js';
import type { RateLimitReconcileInput } from '../../../src/middleware/rate-limit/rate-limit-store.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../../support/mock-server.js';
import { createFakeClock, flush } from '../../support/fake-clock.js';

let server: MockServer;
const messages = [{ role: 'user' as const, content: 'Say hi' }];

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(sendJson(200, chatResponse('hi')));
});

function client(options: Omit<RateLimitOptions, 'store'>) {
  const clock = createFakeClock();
  const memory = createMemoryRateLimitStore({ clock });
  const reconciled: RateLimitReconcileInput[] = [];
  const store = { acquire: memory.acquire, reconcile: (input: RateLimitReconcileInput) => (reconciled.push(input), memory.reconcile(input)) };
  const llm = createClient({
    providers: { groq: { baseURL: server.url, apiKey: 'k' } },
    maxRetries: 0,
    middleware: [createRateLimitMiddleware({ ...options, store }, { clock })],
  });
  return { llm, clock, reconciled };
}

describe('rateLimit inside a client', () => {
  it('rejects the call over the limit before it reaches the provider', async () => {
    const { llm } = client({ rpm: 2, mode: 'reject' });
    await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    const error = await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(60_000);
    expect(server.requests).toHaveLength(2);
    // Another model has a window of its own.
    await llm.chat({ model: 'groq/llama-3.1-8b-instant', messages });
    expect(server.requests).toHaveLength(3);
  });

  it('holds a call in wait mode until the window has room, then sends it', async () => {
    const { llm, clock, reconciled } = client({ rpm: 1 });
    const first = await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    expect(callInfo(first).usage?.total_tokens).toBe(8);
    expect(reconciled[0]?.keys[0]?.to).toEqual({ requests: 1, tokens: 8 });
    let done = false;
    const second = llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages }).then((response) => ((done = true), response));
    await flush();
    expect(server.requests).toHaveLength(1);
    await clock.advance(60_000);
    await second;
    expect(done).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('reconciles a stream with the usage of its last chunk', async () => {
    const { llm, reconciled } = client({ tpm: 10_000, mode: 'reject' });
    const usage = { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 };
    server.handle(sendSse([chatChunk('hi '), chatChunk('there', 'stop'), { ...chatChunk(undefined), choices: [], usage }]));
    const stream = llm.chatStream({ model: 'groq/llama-3.3-70b-versatile', messages, max_tokens: 100 });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('hi there');
    expect(callInfo(stream).usage).toEqual(usage);
    expect(reconciled).toHaveLength(1);
    expect(reconciled[0]?.keys[0]).toEqual({ key: 'model:groq/llama-3.3-70b-versatile', from: { requests: 1, tokens: 102 }, to: { requests: 1, tokens: 7 } });
  });

  it('cancels the request and reconciles once when the consumer breaks', async () => {
    const { llm, reconciled } = client({ tpm: 10_000, mode: 'reject' });
    let closed = false;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(chatChunk('abcdefgh'))}\n\n`);
      response.on('close', () => (closed = true));
    });
    for await (const _chunk of llm.chatStream({ model: 'groq/llama-3.3-70b-versatile', messages, max_tokens: 100 })) break;
    for (let round = 0; round < 50 && !closed; round += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);
    expect(reconciled).toHaveLength(1);
    // No usage arrived: 2 input tokens estimated plus 8 characters / 4.
    expect(reconciled[0]?.keys[0]?.to).toEqual({ requests: 1, tokens: 4 });
  });
});
