import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortedError, StoreUnavailableError } from '../../src/errors/error-classes.js';
import { createStoreGuard } from '../../src/middleware/store-guard.js';
import { createBudgetMiddleware } from '../../src/middleware/budget/create-budget-middleware.js';
import { createCacheMiddleware } from '../../src/middleware/cache/create-cache-middleware.js';
import { createCooldownMiddleware } from '../../src/middleware/cooldown/create-cooldown-middleware.js';
import { createRateLimitMiddleware } from '../../src/middleware/rate-limit/create-rate-limit-middleware.js';
import { compose } from '../../src/middleware/compose.js';
import { fakeCallContext } from '../support/fake-call-context.js';

const open = createStoreGuard('cache', { storeTimeoutMs: 50, onStoreError: 'open' });
const closed = createStoreGuard('budget', { storeTimeoutMs: 50, onStoreError: 'closed' });
const never = <T>(): Promise<T> => new Promise<T>(() => {});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createStoreGuard', () => {
  it('hands an answer that is already there back as it is: no promise, no timer', () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const context = fakeCallContext();
    expect(open.need(context, 'get', () => 7, 0)).toBe(7);
    expect(closed.record(context, () => 'done', () => 'unused')).toBe('done');
    expect(timers).not.toHaveBeenCalled();
    expect(context.info.warnings).toEqual([]);
  });

  it('fails open with the fallback and a warning, or closed with StoreUnavailableError, on a synchronous throw', () => {
    const context = fakeCallContext({ provider: 'groq', model: 'llama' });
    const boom = (): number => {
      throw new Error('store down');
    };
    expect(open.need(context, 'get', boom, 0)).toBe(0);
    expect(context.info.warnings).toEqual(['cache: store get failed (store down); the call went on without it']);
    let error: unknown;
    try {
      closed.need(context, 'reserve', boom, 0);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ kind: 'StoreUnavailable', retryable: true, provider: 'groq', model: 'llama', cause: new Error('store down') });
  });

  it('gives up on a store that never answers after storeTimeoutMs', async () => {
    const context = fakeCallContext();
    const started = Date.now();
    await expect(open.need(context, 'get', never, 'miss')).resolves.toBe('miss');
    expect(Date.now() - started).toBeLessThan(50 + 1_000);
    await expect(closed.need(context, 'reserve', never, 'none')).rejects.toThrow(/budget store failed on reserve \(no answer within 50 ms\)/);
    await expect(open.record(context, never, (reason) => `cache: not stored (${reason})`)).resolves.toBeUndefined();
    expect(context.info.warnings.at(-1)).toBe('cache: not stored (no answer within 50 ms)');
  });

  it("stops at the call's deadline when it comes first, except after a stream has ended", async () => {
    const slow = createStoreGuard('rateLimit', { storeTimeoutMs: 10_000, onStoreError: 'open' });
    const context = fakeCallContext({ timeoutMs: 100 });
    await expect(slow.need(context, 'acquire', never, 'open')).resolves.toBe('open');
    expect(context.info.warnings).toEqual(["rateLimit: store acquire failed (no answer within the call's timeoutMs of 100 ms); the call went on without it"]);
    // Past the deadline a call's bookkeeping is not waited for; a stream's still is (up to storeTimeoutMs).
    const late = fakeCallContext({ timeoutMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answer = new Promise((resolve) => setTimeout(() => resolve('recorded'), 30));
    expect(await slow.record(late, () => answer, (reason) => reason)).toBeUndefined();
    expect(await slow.record(late, () => answer, (reason) => reason, true)).toBe('recorded');
  });

  it('ends the wait when the signal aborts: AbortedError before the call, a warning after it', async () => {
    const controller = new AbortController();
    const context = fakeCallContext({ signal: controller.signal });
    const slow = createStoreGuard('cooldown', { storeTimeoutMs: 10_000, onStoreError: 'open' });
    const waiting = slow.need(context, 'remaining', never, 0);
    const recording = slow.record(context, never, (reason) => `cooldown: failure not recorded (${reason})`);
    controller.abort(new Error('user left'));
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    await expect(waiting).rejects.toMatchObject({ cause: new Error('user left') });
    await expect(recording).resolves.toBeUndefined();
    expect(context.info.warnings).toEqual(['cooldown: failure not recorded (the call was aborted)']);
  });

  it('passes an answer that came too late to onLate, and swallows a failure that came too late', async () => {
    const late: unknown[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const context = fakeCallContext();
      const answer = new Promise((resolve) => setTimeout(() => resolve('reserved'), 100));
      await expect(closed.need(context, 'reserve', () => answer, 'none', (value) => late.push(value))).rejects.toBeInstanceOf(StoreUnavailableError);
      const failure = new Promise((_resolve, reject) => setTimeout(() => reject(new Error('ClientClosedError')), 100));
      await expect(open.need(context, 'get', () => failure, 'miss')).resolves.toBe('miss');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(late).toEqual(['reserved']);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('removes credentials of URLs from what it reports', async () => {
    const context = fakeCallContext();
    const leaky = (): Promise<never> => Promise.reject(new Error('connect to redis://default:hunter2-very-secret@10.0.0.5:6379 failed'));
    await open.need(context, 'get', leaky, undefined);
    expect(context.info.warnings[0]).toContain('redis://[REDACTED]@10.0.0.5:6379');
    expect(context.info.warnings[0]).not.toContain('hunter2');
  });
});

describe('the layers over in-memory stores', () => {
  it('start no timer for their store calls (the fast path the bench measures)', async () => {
    const layers = [
      createCacheMiddleware(true),
      createBudgetMiddleware({ limitUsd: 10 }),
      createCooldownMiddleware(true),
      createRateLimitMiddleware({ rpm: 100 }),
    ];
    const pipeline = compose(layers, async () => ({ id: 'resp', choices: [] }));
    await pipeline(fakeCallContext()); // loads the price table
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const context = fakeCallContext({ request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'other' }] } });
    await pipeline(context);
    expect(timers).not.toHaveBeenCalled();
    expect(context.info.warnings.filter((line) => /store/.test(line))).toEqual([]);
  });
});
