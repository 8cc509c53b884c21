import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../src/errors/error-classes.js';
import { createMemoryRateLimitStore } from '../../../src/middleware/rate-limit/create-memory-rate-limit-store.js';
import { createRateLimitMiddleware } from '../../../src/middleware/rate-limit/create-rate-limit-middleware.js';
import { createRedisRateLimitStore } from '../../../src/middleware/rate-limit/create-redis-rate-limit-store.js';
import type { RateLimitKeyRequest, RateLimitStore } from '../../../src/middleware/rate-limit/rate-limit-store.js';
import { connectTestRedis, redisAvailable, type TestRedis } from '../../support/redis.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

const WINDOW = 60_000;
let redis: TestRedis | undefined;
let prefixes = 0;

beforeAll(async () => {
  if (redisAvailable) redis = await connectTestRedis();
});
afterAll(async () => {
  await redis?.close();
});

interface StoreCase {
  readonly name: string;
  readonly skip: boolean;
  /** A fresh store with keys of its own. */
  create(): RateLimitStore;
}

const cases: StoreCase[] = [
  { name: 'memory', skip: false, create: () => createMemoryRateLimitStore() },
  {
    name: 'redis',
    skip: !redisAvailable,
    create: () => createRedisRateLimitStore((redis as TestRedis).client, { prefix: `${(redis as TestRedis).prefix}rl${(prefixes += 1)}:` }),
  },
];

const key = (overrides: Partial<RateLimitKeyRequest> = {}): RateLimitKeyRequest => ({ key: 'model:groq/llama', rpm: undefined, tpm: undefined, tokens: 0, ...overrides });

describe.each(cases)('$name rate-limit store', ({ create, skip }) => {
  it.skipIf(skip)('admits up to rpm and then says how long until the oldest entry leaves', async () => {
    const store = create();
    const limits = [key({ rpm: 2 })];
    expect(await store.acquire({ id: 'a', windowMs: WINDOW, requests: 1, keys: limits })).toEqual({ admitted: true });
    expect(await store.acquire({ id: 'b', windowMs: WINDOW, requests: 1, keys: limits })).toEqual({ admitted: true });
    const rejected = await store.acquire({ id: 'c', windowMs: WINDOW, requests: 1, keys: limits });
    expect(rejected).toMatchObject({ admitted: false, key: 'model:groq/llama' });
    if (rejected.admitted) throw new Error('unreachable');
    // Real time passes against Redis; the wait is the rest of the first entry's minute.
    expect(rejected.retryAfterMs).toBeGreaterThan(WINDOW - 5_000);
    expect(rejected.retryAfterMs).toBeLessThanOrEqual(WINDOW);
  });

  it.skipIf(skip)('checks every key before taking room on any', async () => {
    const store = create();
    const provider = key({ key: 'provider:groq', rpm: 1 });
    expect(await store.acquire({ id: 'a', windowMs: WINDOW, requests: 1, keys: [key({ key: 'model:groq/b', rpm: 5 }), provider] })).toEqual({ admitted: true });
    // The admitted call took room on both keys: groq/b holds one call now, the provider too (below).
    expect(await store.acquire({ id: 'probe', windowMs: WINDOW, requests: 1, keys: [key({ key: 'model:groq/b', rpm: 1 })] })).toMatchObject({ admitted: false, key: 'model:groq/b' });
    const blocked = await store.acquire({ id: 'b', windowMs: WINDOW, requests: 1, keys: [key({ key: 'model:groq/a', rpm: 1 }), provider] });
    expect(blocked).toMatchObject({ admitted: false, key: 'provider:groq' });
    // groq/a kept its only slot.
    expect(await store.acquire({ id: 'c', windowMs: WINDOW, requests: 1, keys: [key({ key: 'model:groq/a', rpm: 1 })] })).toEqual({ admitted: true });
  });

  it.skipIf(skip)('reconciles tokens down and up', async () => {
    const store = create();
    const limits = [key({ tpm: 100, tokens: 60 })];
    expect(await store.acquire({ id: 'a', windowMs: WINDOW, requests: 1, keys: limits })).toEqual({ admitted: true });
    expect(await store.acquire({ id: 'b', windowMs: WINDOW, requests: 1, keys: limits })).toMatchObject({ admitted: false });
    await store.reconcile({ id: 'a', windowMs: WINDOW, keys: [{ key: 'model:groq/llama', from: { requests: 1, tokens: 60 }, to: { requests: 1, tokens: 30 } }] });
    expect(await store.acquire({ id: 'b', windowMs: WINDOW, requests: 1, keys: limits })).toEqual({ admitted: true });
    await store.reconcile({ id: 'b', windowMs: WINDOW, keys: [{ key: 'model:groq/llama', from: { requests: 1, tokens: 60 }, to: { requests: 1, tokens: 70 } }] });
    // 30 + 70 = 100 used: even one token does not fit.
    expect(await store.acquire({ id: 'c', windowMs: WINDOW, requests: 1, keys: [key({ tpm: 100, tokens: 1 })] })).toMatchObject({ admitted: false });
  });

  it.skipIf(skip)('admits exactly rpm of many concurrent calls', async () => {
    const store = create();
    const layer = createRateLimitMiddleware({ rpm: 7, mode: 'reject', store });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => layer(fakeCallContext({ provider: 'groq', model: 'llama' }), async () => ({ ok: true }))));
    const admitted = results.filter((result) => result.status === 'fulfilled').length;
    expect(admitted).toBe(7);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected.every((result) => result.reason instanceof RateLimitedError)).toBe(true);
  });
});

describe('memory rate-limit store over time', () => {
  it('records usage that arrives after the entry left the window as a new entry', async () => {
    const clock = createFakeClock();
    const store = createMemoryRateLimitStore({ clock });
    const limits = [key({ tpm: 100, tokens: 10 })];
    await store.acquire({ id: 'long', windowMs: WINDOW, requests: 1, keys: limits });
    await clock.advance(WINDOW + 1);
    await store.reconcile({ id: 'long', windowMs: WINDOW, keys: [{ key: 'model:groq/llama', from: { requests: 1, tokens: 10 }, to: { requests: 1, tokens: 105 } }] });
    // 95 more tokens than estimated, counted from now: a call of 10 waits a whole window.
    expect(await store.acquire({ id: 'next', windowMs: WINDOW, requests: 1, keys: limits })).toEqual({ admitted: false, retryAfterMs: WINDOW, key: 'model:groq/llama' });
  });

  it('never lets any minute hold more than rpm requests or tpm tokens (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 20_000 }), tokens: fc.integer({ min: 0, max: 120 }) }), { maxLength: 60 }),
        async (calls) => {
          const clock = createFakeClock(0);
          const store = createMemoryRateLimitStore({ clock });
          const admitted: Array<{ at: number; tokens: number }> = [];
          for (const [index, call] of calls.entries()) {
            await clock.advance(call.gap);
            const keys = [key({ rpm: 5, tpm: 100, tokens: Math.min(call.tokens, 100) })];
            const result = await store.acquire({ id: String(index), windowMs: WINDOW, requests: 1, keys });
            if (result.admitted) admitted.push({ at: clock.now(), tokens: Math.min(call.tokens, 100) });
            else expect(result.retryAfterMs).toBeGreaterThan(0);
          }
          for (const entry of admitted) {
            const inWindow = admitted.filter((other) => other.at <= entry.at && other.at > entry.at - WINDOW);
            expect(inWindow.length).toBeLessThanOrEqual(5);
            expect(inWindow.reduce((sum, other) => sum + other.tokens, 0)).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reconciles in place across the compaction of a long window (thousands of entries)', async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    const change = (from: number, to: number) => [{ key: 'model:groq/llama', from: { requests: 1, tokens: from }, to: { requests: 1, tokens: to } }];
    const tpm = 1_000_000;
    let probes = 0;
    /** The most tokens a call could take now, found with probes that give their room back. */
    const roomLeft = async (): Promise<number> => {
      let low = 0;
      let high = tpm;
      while (low < high) {
        const tokens = Math.ceil((low + high) / 2);
        const id = `probe${(probes += 1)}`;
        const result = await store.acquire({ id, windowMs: WINDOW, requests: 1, keys: [key({ tpm, tokens })] });
        if (result.admitted) {
          await store.reconcile({ id, windowMs: WINDOW, keys: change(tokens, 0) });
          low = tokens;
        } else {
          high = tokens - 1;
        }
      }
      return low;
    };
    const limits = [key({ tpm, tokens: 10 })];
    let before = 0;
    for (let index = 0; index < 20_000; index += 1) {
      await clock.advance(10);
      // One call stays in flight for almost a minute, while the log is compacted under it.
      if (index === 11_000) await store.acquire({ id: 'slow', windowMs: WINDOW, requests: 1, keys: limits });
      if (index === 16_500) {
        before = await roomLeft();
        await store.reconcile({ id: 'slow', windowMs: WINDOW, keys: change(10, 1_000) });
        expect(await roomLeft()).toBe(before - 990);
      }
      await store.acquire({ id: `c${index}`, windowMs: WINDOW, requests: 1, keys: limits });
      await store.reconcile({ id: `c${index}`, windowMs: WINDOW, keys: change(10, 20) });
    }
    // The last minute holds the 6000 most recent calls of 20 tokens each.
    expect(await roomLeft()).toBe(tpm - 6_000 * 20);
  });

  it('keeps totals equal to a plain log of reconciled calls (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ gap: fc.integer({ min: 0, max: 30_000 }), tokens: fc.integer({ min: 0, max: 50 }), actual: fc.integer({ min: 0, max: 80 }), late: fc.boolean() }),
          { maxLength: 40 },
        ),
        async (calls) => {
          const clock = createFakeClock(0);
          const store = createMemoryRateLimitStore({ clock });
          const model: Array<{ at: number; tokens: number }> = [];
          const open: Array<{ id: string; index: number; from: number; to: number }> = [];
          const settle = async (call: { id: string; index: number; from: number; to: number }) => {
            await store.reconcile({ id: call.id, windowMs: WINDOW, keys: [{ key: 'model:groq/llama', from: { requests: 1, tokens: call.from }, to: { requests: 1, tokens: call.to } }] });
            const entry = model[call.index] as { at: number; tokens: number };
            if (entry.at > clock.now() - WINDOW) entry.tokens = call.to;
            else if (call.to > call.from) model.push({ at: clock.now(), tokens: call.to - call.from });
          };
          for (const [index, call] of calls.entries()) {
            await clock.advance(call.gap);
            const id = String(index);
            const result = await store.acquire({ id, windowMs: WINDOW, requests: 1, keys: [key({ tpm: 1e9, tokens: call.tokens })] });
            expect(result.admitted).toBe(true);
            model.push({ at: clock.now(), tokens: call.tokens });
            const pending = { id, index: model.length - 1, from: call.tokens, to: call.actual };
            if (call.late) open.push(pending);
            else await settle(pending);
            if (open.length > 2) await settle(open.shift() as (typeof open)[number]);
          }
          const used = model.filter((entry) => entry.at > clock.now() - WINDOW).reduce((sum, entry) => sum + entry.tokens, 0);
          // A call of exactly the room left fits; one token more waits.
          const room = 10_000 - used;
          expect((await store.acquire({ id: 'over', windowMs: WINDOW, requests: 1, keys: [key({ tpm: 10_000, tokens: room + 1 })] })).admitted).toBe(false);
          expect((await store.acquire({ id: 'probe', windowMs: WINDOW, requests: 1, keys: [key({ tpm: 10_000, tokens: room })] })).admitted).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('admits a call at exactly the time retryAfterMs named', async () => {
    const clock = createFakeClock();
    const store = createMemoryRateLimitStore({ clock });
    const limits = [key({ rpm: 1 })];
    await store.acquire({ id: 'a', windowMs: WINDOW, requests: 1, keys: limits });
    await clock.advance(12_345);
    const result = await store.acquire({ id: 'b', windowMs: WINDOW, requests: 1, keys: limits });
    if (result.admitted) throw new Error('expected a rejection');
    await clock.advance(result.retryAfterMs - 1);
    expect((await store.acquire({ id: 'b', windowMs: WINDOW, requests: 1, keys: limits })).admitted).toBe(false);
    await clock.advance(1);
    expect((await store.acquire({ id: 'b', windowMs: WINDOW, requests: 1, keys: limits })).admitted).toBe(true);
  });
});
