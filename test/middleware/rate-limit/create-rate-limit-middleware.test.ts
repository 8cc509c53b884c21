import { describe, expect, it } from 'vitest';
import { AbortedError, RateLimitedError } from '../../../src/errors/error-classes.js';
import type { Next } from '../../../src/call/call-context.js';
import { createMemoryRateLimitStore } from '../../../src/middleware/rate-limit/create-memory-rate-limit-store.js';
import { createRateLimitMiddleware } from '../../../src/middleware/rate-limit/create-rate-limit-middleware.js';
import type { RateLimitOptions } from '../../../src/middleware/rate-limit/normalize-rate-limit-options.js';
import type { RateLimitReconcileInput, RateLimitStore } from '../../../src/middleware/rate-limit/rate-limit-store.js';
import { createFakeClock, type FakeClock, flush } from '../../support/fake-clock.js';
import { fakeCallContext, type FakeCallInput } from '../../support/fake-call-context.js';

const ok: Next = async () => ({ ok: true });

function setup(options: Omit<RateLimitOptions, 'store'>) {
  const clock = createFakeClock();
  const memory = createMemoryRateLimitStore({ clock });
  const reconciled: RateLimitReconcileInput[] = [];
  let acquires = 0;
  const store: RateLimitStore = {
    acquire: (input) => {
      acquires += 1;
      return memory.acquire(input);
    },
    reconcile: (input) => {
      reconciled.push(input);
      return memory.reconcile(input);
    },
  };
  let ids = 0;
  const layer = createRateLimitMiddleware({ ...options, store }, { clock, createId: () => `call-${(ids += 1)}` });
  const call = (input: FakeCallInput = {}, next: Next = ok) => layer(fakeCallContext({ provider: 'groq', model: 'llama', ...input }), next);
  return { clock, layer, call, reconciled, acquires: () => acquires };
}

async function rejection(promise: Promise<unknown>): Promise<RateLimitedError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

describe('rateLimit in reject mode', () => {
  it('admits rpm calls per sliding minute and says when the oldest leaves the window', async () => {
    const { clock, call } = setup({ rpm: 3, mode: 'reject' });
    await call();
    await clock.advance(10_000);
    await call();
    await clock.advance(10_000);
    await call();
    await clock.advance(10_000);
    const error = await rejection(call());
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.retryable).toBe(true);
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('model groq/llama');
    expect(error.message).toContain('rpm 3');
    // Not a fixed window: at 60 s only the first call has left, so exactly one more fits.
    await clock.advance(30_000);
    await call();
    expect((await rejection(call())).retryAfterMs).toBe(10_000);
  });

  it('counts tokens from the estimate and replaces them with the reported usage', async () => {
    const { call, reconciled } = setup({ tpm: 300, mode: 'reject' });
    const request = { model: 'groq/llama', messages: [{ role: 'user', content: 'x'.repeat(400) }], max_tokens: 50 };
    const usedLittle: Next = async (context) => {
      context.info.usage = { prompt_tokens: 15, completion_tokens: 5, total_tokens: 20 };
      return {};
    };
    await call({ request }, usedLittle);
    expect(reconciled[0]?.keys[0]).toEqual({ key: 'model:groq/llama', from: { requests: 1, tokens: 150 }, to: { requests: 1, tokens: 20 } });
    await call({ request }, usedLittle);
    // 20 + 20 used, so a third estimate of 150 fits; held at 150 it would not. Without usage, the
    // answer's text counts: 100 input + 200 characters / 4.
    await call({ request }, async () => ({ choices: [{ index: 0, message: { role: 'assistant', content: 'y'.repeat(200) } }] }));
    expect(reconciled[2]?.keys[0]?.to).toEqual({ requests: 1, tokens: 150 });
    const error = await rejection(call({ request }));
    expect(error.message).toContain('tpm 300');
  });

  it('applies per-model limits over the default and per-provider limits across models', async () => {
    const { call } = setup({ rpm: 10, perModel: { 'groq/small': { rpm: 1 } }, perProvider: { groq: { rpm: 3 } }, mode: 'reject' });
    await call({ model: 'small' });
    expect((await rejection(call({ model: 'small' }))).message).toContain('model groq/small');
    await call({ model: 'large' });
    await call({ model: 'large' });
    const error = await rejection(call({ model: 'other' }));
    expect(error.message).toContain('provider groq');
    // The provider's limit does not touch other providers, which have the default per model.
    await call({ provider: 'openai', model: 'gpt' });
  });

  it('takes room on every key or on none', async () => {
    // None: a call the provider key turns away takes nothing from its model key.
    const { call, clock } = setup({ perModel: { 'groq/a': { rpm: 1 } }, perProvider: { groq: { rpm: 1 } }, mode: 'reject' });
    await call({ model: 'b' });
    await clock.advance(30_000);
    expect((await rejection(call({ model: 'a' }))).message).toContain('provider groq');
    // b's provider slot leaves the window; a slot taken on groq/a by the rejected call would still be in it.
    await clock.advance(30_001);
    await call({ model: 'a' });

    // Every: an admitted call takes room on its model key and on its provider key.
    const { call: fresh } = setup({ perModel: { 'groq/a': { rpm: 1 } }, perProvider: { groq: { rpm: 2 } }, mode: 'reject' });
    await fresh({ model: 'a' });
    expect((await rejection(fresh({ model: 'a' }))).message).toContain('model groq/a');
    await fresh({ model: 'b' });
    expect((await rejection(fresh({ model: 'c' }))).message).toContain('provider groq');
  });

  it('passes calls with no applicable limit straight through', async () => {
    const { call, acquires } = setup({ perProvider: { groq: { rpm: 1 } }, mode: 'reject' });
    await call({ provider: 'openai' });
    await call({ provider: 'openai' });
    expect(acquires()).toBe(0);
  });

  it('limits a gateway route by its provider/model string', async () => {
    const { call } = setup({ perProvider: { groq: { rpm: 1 } }, mode: 'reject' });
    await call({ provider: 'gateway', model: 'groq/llama', gateway: true });
    expect((await rejection(call({ provider: 'gateway', model: 'groq/other', gateway: true }))).message).toContain('provider groq');
  });

  it('counts HTTP retries as requests and keeps the input estimate when a call fails', async () => {
    const { call, reconciled } = setup({ rpm: 3, mode: 'reject', completionTokens: 100 });
    const retriedTwice: Next = async (context) => {
      context.info.attempts += 3;
      throw new RateLimitedError('429', { status: 429 });
    };
    await expect(call({}, retriedTwice)).rejects.toMatchObject({ status: 429 });
    expect(reconciled[0]?.keys[0]?.to).toEqual({ requests: 3, tokens: 1 });
    expect(reconciled[0]?.keys[0]?.from).toEqual({ requests: 1, tokens: 101 });
    await rejection(call());
  });
});

describe('rateLimit in wait mode', () => {
  it('queues calls first come first served and admits each as room frees', async () => {
    const { clock, call, acquires } = setup({ rpm: 1, maxWaitMs: 300_000 });
    const order: string[] = [];
    const track = (name: string) => call().then(() => order.push(name));
    const first = track('a');
    const second = track('b');
    const third = track('c');
    await flush();
    expect(order).toEqual(['a']);
    // Only the head of the queue asks the store.
    const asked = acquires();
    expect(asked).toBe(2);
    await clock.advance(59_999);
    expect(order).toEqual(['a']);
    await clock.advance(1);
    expect(order).toEqual(['a', 'b']);
    await clock.advance(60_000);
    expect(order).toEqual(['a', 'b', 'c']);
    await Promise.all([first, second, third]);
  });

  it('rejects at once when the wait would pass maxWaitMs', async () => {
    const { clock, call } = setup({ rpm: 1, maxWaitMs: 10_000 });
    await call();
    await clock.advance(45_000);
    const error = await rejection(call());
    expect(error.retryAfterMs).toBe(15_000);
    await clock.advance(5_000);
    // 10 s left is within maxWaitMs: this one waits and is admitted when the first call leaves.
    let admitted = false;
    const waiting = call().then(() => (admitted = true));
    await flush();
    await clock.advance(9_999);
    expect(admitted).toBe(false);
    await clock.advance(1);
    await waiting;
    expect(admitted).toBe(true);
  });

  it('lets an aborted waiter leave without blocking the ones behind it', async () => {
    const { clock, call } = setup({ rpm: 1 });
    await call();
    const controller = new AbortController();
    const aborted = call({ signal: controller.signal });
    const behind = call();
    await flush();
    controller.abort(new Error('user left'));
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    await clock.advance(60_000);
    await expect(behind).resolves.toEqual({ ok: true });
    // The aborted call took no room: the next minute's slot is free once behind's leaves.
    await clock.advance(60_000);
    await expect(call()).resolves.toEqual({ ok: true });
  });
});

describe('rateLimit on streams', () => {
  const chunk = (content: string, usage?: object) => ({ choices: [{ index: 0, delta: { content }, finish_reason: null }], ...(usage ? { usage } : {}) });

  function streamingNext(chunks: object[], state: { pulled: number; closed: boolean }, failAfter?: number): Next {
    return async () =>
      (async function* () {
        try {
          for (const [index, item] of chunks.entries()) {
            if (failAfter === index) throw new Error('connection reset');
            state.pulled += 1;
            yield item;
          }
        } finally {
          state.closed = true;
        }
      })();
  }

  it('wraps lazily, reconciles with the usage at the end, and passes items through unchanged', async () => {
    const { call, reconciled } = setup({ tpm: 10_000, mode: 'reject' });
    const state = { pulled: 0, closed: false };
    const chunks = [chunk('Hello'), chunk(' world', { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 })];
    const next: Next = async (context) => {
      const inner = (await streamingNext(chunks, state)(context)) as AsyncIterable<{ usage?: never }>;
      return (async function* () {
        for await (const item of inner) {
          if (item.usage) context.info.usage = item.usage;
          yield item;
        }
      })();
    };
    const stream = (await call({ operation: 'chatStream' }, next)) as AsyncIterable<unknown>;
    expect(state.pulled).toBe(0);
    expect(reconciled).toHaveLength(0);
    const received: unknown[] = [];
    for await (const item of stream) received.push(item);
    expect(received).toEqual(chunks);
    expect(reconciled).toHaveLength(1);
    expect(reconciled[0]?.keys[0]?.to).toEqual({ requests: 1, tokens: 5 });
  });

  it('propagates break to the source and counts the text received when no usage came', async () => {
    const { call, reconciled } = setup({ tpm: 10_000, mode: 'reject', completionTokens: 500 });
    const state = { pulled: 0, closed: false };
    const request = { model: 'groq/llama', messages: [{ role: 'user', content: 'x'.repeat(40) }] };
    const stream = (await call({ operation: 'chatStream', request }, streamingNext([chunk('12345678'), chunk('more')], state))) as AsyncIterable<unknown>;
    for await (const _item of stream) break;
    expect(state.closed).toBe(true);
    expect(state.pulled).toBe(1);
    expect(reconciled[0]?.keys[0]).toMatchObject({ from: { tokens: 510 }, to: { requests: 1, tokens: 12 } });
  });

  it('passes return() on even before the first item', async () => {
    const { call, reconciled } = setup({ rpm: 5, mode: 'reject' });
    let returned = false;
    const source: AsyncIterable<unknown> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: true, value: undefined }),
        return: async () => {
          returned = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const stream = (await call({ operation: 'chatStream' }, async () => source)) as AsyncIterable<unknown>;
    await stream[Symbol.asyncIterator]().return?.();
    expect(returned).toBe(true);
    expect(reconciled).toHaveLength(1);
  });

  it('throws a mid-stream error once and reconciles once', async () => {
    const { call, reconciled } = setup({ rpm: 5, mode: 'reject' });
    const state = { pulled: 0, closed: false };
    const stream = (await call({ operation: 'chatStream' }, streamingNext([chunk('ab'), chunk('cd'), chunk('ef')], state, 2))) as AsyncIterable<unknown>;
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    await expect(iterator.next()).rejects.toThrow('connection reset');
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(reconciled).toHaveLength(1);
  });

  it('reconciles a stream that failed before it opened', async () => {
    const { call, reconciled } = setup({ rpm: 5, mode: 'reject' });
    await expect(call({ operation: 'chatStream' }, async () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    expect(reconciled).toHaveLength(1);
  });
});

describe('rateLimit store failures', () => {
  it('keeps the response and records a warning when the usage cannot be written', async () => {
    const clock: FakeClock = createFakeClock();
    const memory = createMemoryRateLimitStore({ clock });
    const store: RateLimitStore = { acquire: (input) => memory.acquire(input), reconcile: async () => Promise.reject(new Error('store down')) };
    const layer = createRateLimitMiddleware({ rpm: 5, store }, { clock });
    const context = fakeCallContext({ provider: 'groq', model: 'llama' });
    await expect(layer(context, ok)).resolves.toEqual({ ok: true });
    expect(context.info.warnings).toEqual(['rateLimit: usage not recorded (store down)']);
  });
});

describe('createRateLimitMiddleware: call ids', () => {
  it('names calls with UUIDs for a given store, which other processes may share', async () => {
    const ids: string[] = [];
    const memory = createMemoryRateLimitStore();
    const store: RateLimitStore = {
      acquire: (input) => {
        ids.push(input.id);
        return memory.acquire(input);
      },
      reconcile: (input) => memory.reconcile(input),
    };
    const layer = createRateLimitMiddleware({ rpm: 10, store });
    await layer(fakeCallContext({ provider: 'groq', model: 'llama' }), ok);
    await layer(fakeCallContext({ provider: 'groq', model: 'llama' }), ok);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('counts calls and settles each one on its own with the built-in store', async () => {
    const clock = createFakeClock();
    const layer = createRateLimitMiddleware({ rpm: 2, mode: 'reject' }, { clock });
    await layer(fakeCallContext({ provider: 'groq', model: 'llama' }), ok);
    await layer(fakeCallContext({ provider: 'groq', model: 'llama' }), ok);
    await expect(layer(fakeCallContext({ provider: 'groq', model: 'llama' }), ok)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
