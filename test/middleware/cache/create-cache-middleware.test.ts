import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../src/index.js';
import { ServerError } from '../../../src/errors/error-classes.js';
import type { CacheStore } from '../../../src/middleware/cache/cache-store.js';
import { createCacheMiddleware } from '../../../src/middleware/cache/create-cache-middleware.js';
import { createMemoryCacheStore } from '../../../src/middleware/cache/create-memory-cache-store.js';
import type { CallContext, Next } from '../../../src/call/call-context.js';
import { collect } from '../../support/fake-stream.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext, fakeProvider } from '../../support/fake-call-context.js';

const messages = [{ role: 'user', content: 'Hello' }];
const request = { model: 'groq/llama', messages, temperature: 0 };
const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 };

/** An upstream that answers each call with a new response object and counts calls. */
function createUpstream() {
  const calls: CallContext[] = [];
  const next: Next = async (context) => {
    calls.push(context);
    context.info.attempts += 1;
    context.info.usage = { ...usage };
    return { id: `resp-${calls.length}`, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }], usage: { ...usage } };
  };
  return { calls, next };
}

const head = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'llama' };
const streamChunks: ChatCompletionChunk[] = [
  { ...head, choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { content: 'lo' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  { ...head, choices: [], usage },
];

/** An upstream stream that records how far it was read and whether it was closed early. */
function createStreamUpstream(options: { failAfter?: number } = {}) {
  const state = { opened: 0, yielded: 0, closedEarly: 0 };
  const next: Next = async (context) => {
    state.opened += 1;
    context.info.attempts += 1;
    return (async function* () {
      let finished = false;
      try {
        for (const [index, chunk] of streamChunks.entries()) {
          if (options.failAfter === index) throw new ServerError('upstream broke', { provider: 'groq' });
          state.yielded += 1;
          yield chunk;
        }
        context.info.usage = usage;
        finished = true;
      } finally {
        if (!finished) state.closedEarly += 1;
      }
    })();
  };
  return { state, next };
}

describe('createCacheMiddleware: chat and embed', () => {
  it('misses, then hits with a fresh copy, recording cache status, provider, model and usage', async () => {
    const cache = createCacheMiddleware(true, { clock: createFakeClock() });
    const upstream = createUpstream();
    const first = fakeCallContext({ operation: 'chat', request });
    const response = (await cache(first, upstream.next)) as Record<string, unknown>;
    expect(first.info.cache).toBe('miss');

    const second = fakeCallContext({ operation: 'chat', request: { temperature: 0, messages: [{ content: 'Hello', role: 'user' }], model: 'groq/llama' } });
    const hit = (await cache(second, upstream.next)) as { id: string; choices: Array<{ message: { content: string } }> };
    expect(upstream.calls).toHaveLength(1);
    expect(second.info).toMatchObject({ cache: 'hit', provider: 'groq', model: 'llama', attempts: 0, usage, costUsd: 0 });
    expect(hit).toEqual(response);
    expect(hit).not.toBe(response);

    // Callers may change what they got; neither the stored entry nor later hits change.
    hit.choices[0]!.message.content = 'changed';
    (response as { id: string }).id = 'changed too';
    const third = (await cache(fakeCallContext({ operation: 'chat', request }), upstream.next)) as typeof hit;
    expect(third.id).toBe('resp-1');
    expect(third.choices[0]?.message.content).toBe('Hi');
  });

  it('ignores per-call options in the key but not request parameters', async () => {
    // Per-call headers split a credential-scoped cache (they may carry a key): see the next test.
    const cache = createCacheMiddleware({ scope: 'shared' }, { clock: createFakeClock() });
    const upstream = createUpstream();
    await cache(fakeCallContext({ operation: 'chat', request }), upstream.next);
    const withOptions = fakeCallContext({ operation: 'chat', request, headers: { 'x-trace': '1' }, timeoutMs: 5, tags: ['user:1'] });
    await cache(withOptions, upstream.next);
    expect(withOptions.info.cache).toBe('hit');
    const otherParameter = fakeCallContext({ operation: 'chat', request: { ...request, temperature: 1 } });
    await cache(otherParameter, upstream.next);
    expect(otherParameter.info.cache).toBe('miss');
    const embed = fakeCallContext({ operation: 'embed', request });
    await cache(embed, upstream.next);
    expect(embed.info.cache).toBe('miss');
    expect(upstream.calls).toHaveLength(3);
  });

  it('with the default credential scope, per-call headers and the provider split the key; timeouts and tags do not', async () => {
    const cache = createCacheMiddleware(true, { clock: createFakeClock() });
    const upstream = createUpstream();
    await cache(fakeCallContext({ operation: 'chat', request }), upstream.next);
    const sameCaller = fakeCallContext({ operation: 'chat', request, timeoutMs: 5, tags: ['user:1'] });
    await cache(sameCaller, upstream.next);
    expect(sameCaller.info.cache).toBe('hit');
    const withHeader = fakeCallContext({ operation: 'chat', request, headers: { 'X-Api-Key': 'user-key' } });
    await cache(withHeader, upstream.next);
    expect(withHeader.info.cache).toBe('miss');
    const sameHeader = fakeCallContext({ operation: 'chat', request, headers: { 'x-api-key': 'user-key' } });
    await cache(sameHeader, upstream.next);
    expect(sameHeader.info.cache).toBe('hit');
    const otherProvider = fakeCallContext({ operation: 'chat', request, route: { provider: fakeProvider('openai', 'https://groq.example/v1'), model: 'llama' } });
    await cache(otherProvider, upstream.next);
    expect(otherProvider.info.cache).toBe('miss');
    const otherBaseUrl = fakeCallContext({ operation: 'chat', request, route: { provider: fakeProvider('groq', 'https://eu.groq.example/v1'), model: 'llama' } });
    await cache(otherBaseUrl, upstream.next);
    expect(otherBaseUrl.info.cache).toBe('miss');
    expect(upstream.calls).toHaveLength(4);
  });

  it('bypasses reads and writes with the per-call option cache: false', async () => {
    const cache = createCacheMiddleware(true, { clock: createFakeClock() });
    const upstream = createUpstream();
    const bypassed = fakeCallContext({ operation: 'chat', request, cache: false });
    await cache(bypassed, upstream.next);
    expect(bypassed.info.cache).toBe('bypass');
    const after = fakeCallContext({ operation: 'chat', request });
    await cache(after, upstream.next); // nothing was written by the bypass
    expect(after.info.cache).toBe('miss');
    const bypassedAgain = fakeCallContext({ operation: 'chat', request, cache: false });
    await cache(bypassedAgain, upstream.next); // nothing is read either
    expect(bypassedAgain.info.cache).toBe('bypass');
    expect(upstream.calls).toHaveLength(3);
  });

  it('bypasses operations it does not cache', async () => {
    const cache = createCacheMiddleware(true, { clock: createFakeClock() });
    const upstream = createUpstream();
    for (let round = 0; round < 2; round += 1) {
      const context = fakeCallContext({ operation: 'moderate', request: { model: 'openai/omni-moderation', input: 'x' } });
      await cache(context, upstream.next);
      expect(context.info.cache).toBe('bypass');
    }
    expect(upstream.calls).toHaveLength(2);
  });

  it('expires entries after ttlMs and keeps at most maxEntries', async () => {
    const clock = createFakeClock();
    const cache = createCacheMiddleware({ ttlMs: 1_000, maxEntries: 2 }, { clock });
    const upstream = createUpstream();
    const call = async (content: string) => {
      const context = fakeCallContext({ operation: 'chat', request: { model: 'groq/llama', messages: [{ role: 'user', content }] } });
      await cache(context, upstream.next);
      return context.info.cache;
    };
    expect(await call('a')).toBe('miss');
    clock.advance(999);
    expect(await call('a')).toBe('hit');
    clock.advance(1);
    expect(await call('a')).toBe('miss');
    expect(await call('b')).toBe('miss');
    expect(await call('c')).toBe('miss'); // evicts a, the least recently used
    expect(await call('b')).toBe('hit');
    expect(await call('a')).toBe('miss');
  });

  it('never caches errors', async () => {
    const cache = createCacheMiddleware(true, { clock: createFakeClock() });
    let calls = 0;
    const failing: Next = async () => {
      calls += 1;
      throw new ServerError('boom');
    };
    await expect(cache(fakeCallContext({ operation: 'chat', request }), failing)).rejects.toThrow('boom');
    await expect(cache(fakeCallContext({ operation: 'chat', request }), failing)).rejects.toThrow('boom');
    expect(calls).toBe(2);
  });

  it('treats a failing store as a cache that misses, without failing the call', async () => {
    const broken: CacheStore = {
      get: async () => {
        throw new Error('store down');
      },
      set: async () => {
        throw new Error('store down');
      },
      delete: async () => undefined,
    };
    const cache = createCacheMiddleware({ store: broken });
    const upstream = createUpstream();
    const context = fakeCallContext({ operation: 'chat', request });
    expect(await cache(context, upstream.next)).toMatchObject({ id: 'resp-1' });
    expect(context.info.cache).toBe('miss');
  });

  it('ignores stored values that are not its own entries', async () => {
    const store = createMemoryCacheStore({ maxEntries: 10 });
    const cache = createCacheMiddleware({ store });
    const upstream = createUpstream();
    const stored: Array<[string, unknown]> = [];
    const spying: CacheStore = { ...store, set: async (key, value, ttl) => { stored.push([key, value]); await store.set(key, value, ttl); } };
    await createCacheMiddleware({ store: spying })(fakeCallContext({ operation: 'chat', request }), upstream.next);
    const [key] = stored[0]!;
    await store.set(key, { something: 'else' }, 10_000);
    const context = fakeCallContext({ operation: 'chat', request });
    await cache(context, upstream.next);
    expect(context.info.cache).toBe('miss');
  });
});

describe('createCacheMiddleware: chatStream', () => {
  it('bypasses streams unless streams is on', async () => {
    const cache = createCacheMiddleware(true);
    const upstream = createStreamUpstream();
    for (let round = 0; round < 2; round += 1) {
      const context = fakeCallContext({ operation: 'chatStream', request });
      const chunks = await collect((await cache(context, upstream.next)) as AsyncIterable<ChatCompletionChunk>);
      expect(chunks).toEqual(streamChunks);
      expect(context.info.cache).toBe('bypass');
    }
    expect(upstream.state.opened).toBe(2);
  });

  it('passes chunks through as they arrive, stores the clean stream, and replays it faithfully', async () => {
    const clock = createFakeClock();
    const cache = createCacheMiddleware({ streams: true }, { clock });
    const upstream = createStreamUpstream();
    const first = fakeCallContext({ operation: 'chatStream', request });
    const iterator = ((await cache(first, upstream.next)) as AsyncIterable<ChatCompletionChunk>)[Symbol.asyncIterator]();
    expect(first.info.cache).toBe('miss');
    expect(upstream.state.yielded).toBe(0); // nothing read before the consumer asks
    expect((await iterator.next()).value).toEqual(streamChunks[0]);
    expect(upstream.state.yielded).toBe(1); // one chunk read for one chunk delivered
    while (!(await iterator.next()).done);

    const second = fakeCallContext({ operation: 'chatStream', request });
    const replayed = await collect((await cache(second, upstream.next)) as AsyncIterable<ChatCompletionChunk>);
    expect(upstream.state.opened).toBe(1);
    expect(second.info).toMatchObject({ cache: 'hit', usage, attempts: 0, firstChunkMs: 0 });
    expect(replayed.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Hello');
    expect(replayed.map((chunk) => chunk.choices[0]?.finish_reason ?? null).filter(Boolean)).toEqual(['stop']);
    expect(replayed.at(-1)).toEqual({ ...head, choices: [], usage });
    expect(replayed[0]).toEqual({ ...head, choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] });
  });

  it('does not store a stream the consumer stopped early, and closes the upstream', async () => {
    const cache = createCacheMiddleware({ streams: true });
    const upstream = createStreamUpstream();
    const stream = (await cache(fakeCallContext({ operation: 'chatStream', request }), upstream.next)) as AsyncIterable<ChatCompletionChunk>;
    for await (const chunk of stream) if (chunk.choices[0]?.delta?.content === 'Hel') break;
    expect(upstream.state).toEqual({ opened: 1, yielded: 2, closedEarly: 1 });
    const again = fakeCallContext({ operation: 'chatStream', request });
    await collect((await cache(again, upstream.next)) as AsyncIterable<ChatCompletionChunk>);
    expect(again.info.cache).toBe('miss');
    expect(upstream.state.opened).toBe(2);
  });

  it('does not store a stream that broke, and the error reaches the consumer once', async () => {
    const cache = createCacheMiddleware({ streams: true });
    const broken = createStreamUpstream({ failAfter: 2 });
    const received: ChatCompletionChunk[] = [];
    const stream = (await cache(fakeCallContext({ operation: 'chatStream', request }), broken.next)) as AsyncIterable<ChatCompletionChunk>;
    await expect(
      (async () => {
        for await (const chunk of stream) received.push(chunk);
      })(),
    ).rejects.toThrow('upstream broke');
    expect(received).toHaveLength(2);
    const healthy = createStreamUpstream();
    const again = fakeCallContext({ operation: 'chatStream', request });
    await collect((await cache(again, healthy.next)) as AsyncIterable<ChatCompletionChunk>);
    expect(again.info.cache).toBe('miss');
  });

  it('keeps chat and stream entries apart', async () => {
    const cache = createCacheMiddleware({ streams: true });
    await cache(fakeCallContext({ operation: 'chat', request }), createUpstream().next);
    const stream = fakeCallContext({ operation: 'chatStream', request });
    await collect((await cache(stream, createStreamUpstream().next)) as AsyncIterable<ChatCompletionChunk>);
    expect(stream.info.cache).toBe('miss');
  });
});

describe('createCacheMiddleware: concurrency', () => {
  it('sends two identical concurrent misses upstream (no coalescing), then serves hits', async () => {
    const cache = createCacheMiddleware(true);
    // Upstream answers only once both calls have reached it: both missed before either stored.
    let release: () => void = () => undefined;
    const bothArrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived = 0;
    const upstream = createUpstream();
    const gated: Next = async (context) => {
      arrived += 1;
      if (arrived === 2) release();
      if (arrived <= 2) await bothArrived;
      return upstream.next(context);
    };
    const first = fakeCallContext({ operation: 'chat', request });
    const second = fakeCallContext({ operation: 'chat', request });
    const [a, b] = (await Promise.all([cache(first, gated), cache(second, gated)])) as Array<{ id: string }>;
    expect([first.info.cache, second.info.cache]).toEqual(['miss', 'miss']);
    expect(upstream.calls).toHaveLength(2);
    expect(new Set([a?.id, b?.id])).toEqual(new Set(['resp-1', 'resp-2']));
    const third = fakeCallContext({ operation: 'chat', request });
    await cache(third, gated);
    expect(third.info.cache).toBe('hit');
    expect(upstream.calls).toHaveLength(2);
  });
});
