import { describe, expect, it } from 'vitest';
import { BudgetExceededError, ConfigurationError } from '../../../src/errors/error-classes.js';
import type { Next } from '../../../src/call/call-context.js';
import type { BudgetExceededEvent } from '../../../src/middleware/budget/budget-exceeded-event.js';
import type { BudgetStore } from '../../../src/middleware/budget/budget-store.js';
import { createBudgetMiddleware } from '../../../src/middleware/budget/create-budget-middleware.js';
import { createMemoryBudgetStore } from '../../../src/middleware/budget/create-memory-budget-store.js';
import type { BudgetOptions } from '../../../src/middleware/budget/normalize-budget-options.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { createFakeStream } from '../cost/create-fake-stream.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

// gpt-4o: $2.5 input, $10 output per million tokens. 'hello' = 5 chars -> 2 estimated input tokens (roles are not text).
const REQUEST = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello' }], max_tokens: 100 };
const RESERVATION = (2 * 2.5 + 100 * 10) / 1e6; // 0.001005 USD
const ACTUAL_USAGE = { prompt_tokens: 7, completion_tokens: 40, total_tokens: 47 };
const ACTUAL = (7 * 2.5 + 40 * 10) / 1e6;

function setup(options: Partial<BudgetOptions> = {}) {
  const clock = createFakeClock(Date.UTC(2025, 5, 1, 12));
  const store = options.store ?? createMemoryBudgetStore({ clock });
  const events: BudgetExceededEvent[] = [];
  const middleware = createBudgetMiddleware(
    { limitUsd: 1, mode: 'hard', onExceeded: (event) => void events.push(event), ...options, store },
    { clock },
  );
  return { clock, store, events, middleware };
}

const respond: Next = async (context) => {
  context.info.usage = ACTUAL_USAGE;
  return { id: 'ok' };
};

describe('createBudgetMiddleware', () => {
  it('reserves the maximum cost, then settles the actual cost', async () => {
    const { middleware, store } = setup();
    expect(middleware.name).toBe('budget');
    let reservedDuringCall = 0;
    await middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), async (context) => {
      reservedDuringCall = (await store.read('global|all')).reserved;
      return respond(context);
    });
    expect(reservedDuringCall).toBe(Math.round(RESERVATION * 1e9));
    expect(await store.read('global|all')).toEqual({ spent: Math.round(ACTUAL * 1e9), reserved: 0 });
  });

  it('rejects with BudgetExceededError before sending when the reservation does not fit', async () => {
    const { middleware, events } = setup({ limitUsd: RESERVATION * 0.9 });
    let sent = false;
    const rejected = middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), async () => {
      sent = true;
      return {};
    });
    await expect(rejected).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(rejected).rejects.toMatchObject({ kind: 'BudgetExceeded', provider: 'openai', model: 'gpt-4o', message: expect.stringMatching(/budget global exceeded/) });
    expect(sent).toBe(false);
    expect(events).toEqual([
      expect.objectContaining({ mode: 'hard', phase: 'before', scope: 'global', spentUsd: 0, reservedUsd: 0, requestUsd: expect.closeTo(RESERVATION, 12) }),
    ]);
  });

  it('releases the reservation when the call fails', async () => {
    const { middleware, store } = setup();
    await expect(middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    expect(await store.read('global|all')).toEqual({ spent: 0, reserved: 0 });
  });

  it('admits at most 5 of 50 concurrent requests against a budget worth exactly 5 (memory store)', async () => {
    const { middleware, store } = setup({ limitUsd: 5 * RESERVATION });
    const gates: Array<() => void> = [];
    const next: Next = (context) =>
      new Promise((resolve) => {
        gates.push(() => {
          // Exactly the reservation: the estimated input and the whole max_tokens.
          context.info.usage = { prompt_tokens: 2, completion_tokens: 100 };
          resolve({});
        });
      });
    const calls = Array.from({ length: 50 }, () => middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), next));
    let rejected = 0;
    for (const call of calls) call.catch(() => (rejected += 1));
    // Every call is either rejected or held at the provider: none has finished, so none released budget.
    while (rejected + gates.length < 50) await new Promise((resolve) => setImmediate(resolve));
    expect(gates.length).toBe(5);
    expect(rejected).toBe(45);
    for (const open of gates) open();
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBe(5);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected' && outcome.reason instanceof BudgetExceededError).length).toBe(45);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(5 * RESERVATION * 1e9), reserved: 0 });
  });

  it('rolls over to a fresh budget each period (fake clock)', async () => {
    const { middleware, clock } = setup({ limitUsd: RESERVATION, periodMs: 60_000 });
    clock.set(120_000);
    await middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), async (context) => {
      context.info.usage = { prompt_tokens: 7, completion_tokens: 100 };
      return {};
    });
    await expect(middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), respond)).rejects.toBeInstanceOf(BudgetExceededError);
    clock.advance(59_999);
    await expect(middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), respond)).rejects.toBeInstanceOf(BudgetExceededError);
    clock.advance(1);
    await expect(middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), respond)).resolves.toEqual({ id: 'ok' });
  });

  it('soft mode lets calls through and reports before and after crossing the limit', async () => {
    const { middleware, events, store } = setup({ mode: 'soft', limitUsd: ACTUAL * 1.5 });
    await middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), respond);
    expect(events).toEqual([expect.objectContaining({ mode: 'soft', phase: 'before', scope: 'global', spentUsd: 0 })]);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(ACTUAL * 1e9), reserved: 0 });
    events.length = 0;
    await expect(middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), respond)).resolves.toEqual({ id: 'ok' });
    expect(events.map((event) => event.phase)).toEqual(['before', 'after']);
    expect(events[1]).toMatchObject({ phase: 'after', spentUsd: expect.closeTo(2 * ACTUAL, 12), requestUsd: expect.closeTo(ACTUAL, 12) });
  });

  it('counts calls against per-model, per-provider and per-tag limits separately', async () => {
    const { middleware, store } = setup({ limitUsd: undefined, perModel: { 'openai/gpt-4o': 1 }, perProvider: { openai: 1, anthropic: 1 }, perTag: { alice: RESERVATION, bob: 1 } });
    await middleware(fakeCallContext({ operation: 'chat', request: REQUEST, tags: ['alice'] }), respond);
    await expect(middleware(fakeCallContext({ operation: 'chat', request: REQUEST, tags: ['alice'] }), respond)).rejects.toThrow(/budget tag:alice exceeded/);
    await middleware(fakeCallContext({ operation: 'chat', request: REQUEST, tags: ['bob'] }), respond);
    const spent = Math.round(ACTUAL * 1e9);
    expect((await store.read('model:openai/gpt-4o|all')).spent).toBe(2 * spent);
    expect((await store.read('provider:openai|all')).spent).toBe(2 * spent);
    expect((await store.read('provider:anthropic|all')).spent).toBe(0);
    expect((await store.read('tag:alice|all')).spent).toBe(spent);
    expect((await store.read('global|all')).spent).toBe(0);
  });

  it('matches perModel keys by the bare served model too, and a zero budget rejects unpriced models', async () => {
    // A bare name no registry prefix claims: a gateway's `gpt-4` is priced as OpenAI's since the model catalogue.
    const { middleware, events } = setup({ limitUsd: undefined, perModel: { 'mystery-4': 0 } });
    const context = fakeCallContext({ operation: 'chat', request: { model: 'gateway/mystery-4', messages: [{ role: 'user', content: 'Hello' }] } });
    await expect(middleware(context, respond)).rejects.toThrow(/budget model:mystery-4 exceeded/);
    expect(context.info.warnings).toEqual([expect.stringMatching(/no price known for gateway\/mystery-4/)]);
    expect(events[0]).toMatchObject({ scope: 'model:mystery-4', limitUsd: 0 });
    // Another model has no limit at all: passes untouched.
    await expect(middleware(fakeCallContext({ operation: 'chat', request: { ...REQUEST, model: 'openai/gpt-4o' } }), respond)).resolves.toEqual({ id: 'ok' });
  });

  it('reserves unknownModelReservationUsd for unpriced models and charges it when usage cannot be priced', async () => {
    const { middleware, store } = setup({ unknownModelReservationUsd: 0.25 });
    await middleware(fakeCallContext({ operation: 'chat', request: { model: 'mystery/model-x', messages: [] } }), respond);
    expect(await store.read('global|all')).toEqual({ spent: 0.25e9, reserved: 0 });
  });

  it('settles a stream when it ends, from its usage, without buffering', async () => {
    const { middleware, store } = setup();
    const context = fakeCallContext({ operation: 'chatStream', request: REQUEST });
    const { stream, state } = createFakeStream(context, ['a', 'b'], { usage: ACTUAL_USAGE });
    const wrapped = (await middleware(context, async () => stream)) as AsyncIterable<unknown>;
    expect(state.pulled).toBe(0);
    const iterator = wrapped[Symbol.asyncIterator]();
    await iterator.next();
    expect(await store.read('global|all')).toEqual({ spent: 0, reserved: Math.round(RESERVATION * 1e9) });
    while ((await iterator.next()).done !== true);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(ACTUAL * 1e9), reserved: 0 });
  });

  it('settles an abandoned stream with the estimated cost of what was consumed, and cancels it', async () => {
    const { middleware, store } = setup();
    const context = fakeCallContext({ operation: 'chatStream', request: REQUEST });
    const { stream, state } = createFakeStream(context, ['y'.repeat(40), 'never']);
    const wrapped = (await middleware(context, async () => stream)) as AsyncIterable<unknown>;
    for await (const _chunk of wrapped) break;
    expect(state.returned).toBe(true);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(((2 * 2.5 + 10 * 10) / 1e6) * 1e9), reserved: 0 });
  });

  it('throws a stream error once and settles what was consumed', async () => {
    const { middleware, store } = setup();
    const context = fakeCallContext({ operation: 'chatStream', request: REQUEST });
    const { stream } = createFakeStream(context, ['abcd', 'efgh'], { failAfter: 1 });
    const iterator = ((await middleware(context, async () => stream)) as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.next()).rejects.toThrow('stream broke');
    expect((await iterator.next()).done).toBe(true);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(((2 * 2.5 + 1 * 10) / 1e6) * 1e9), reserved: 0 });
  });

  it('charges nothing for a cache hit and passes unpriced operations through', async () => {
    const { middleware, store } = setup();
    await middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), async (context) => {
      context.info.cache = 'hit';
      context.info.usage = ACTUAL_USAGE;
      return {};
    });
    await middleware(fakeCallContext({ operation: 'files.list', request: {} }), async () => ({}));
    expect(await store.read('global|all')).toEqual({ spent: 0, reserved: 0 });
  });

  it('turns onExceeded errors and store settle failures into warnings', async () => {
    const memory = createMemoryBudgetStore();
    const flaky: BudgetStore = { ...memory, settle: () => Promise.reject(new Error('redis down')) };
    const { middleware } = setup({ store: flaky, mode: 'soft', limitUsd: 0, onExceeded: () => { throw new Error('hook broke'); } });
    const context = fakeCallContext({ operation: 'chat', request: REQUEST });
    await middleware(context, respond);
    expect(context.info.warnings).toEqual(['budget: onExceeded threw: hook broke', 'budget: could not record spending: redis down']);
  });

  it('tops the reservation up from the wire request before it is sent, reporting others\' reservations only', async () => {
    const { middleware, store, events } = setup({ limitUsd: 0.01, mode: 'soft' });
    const wire = { method: 'POST' as const, path: '/chat/completions', body: { model: 'gpt-4o', max_tokens: 2000 }, warnings: [] };
    await middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), async (context) => {
      const [check] = context.checkpoints?.beforeSend ?? [];
      await check?.(wire, context);
      // 2 input tokens and 2000 output tokens at gpt-4o's prices: the whole wire cap is held.
      expect((await store.read('global|all')).reserved).toBe(Math.round(((2 * 2.5 + 2000 * 10) / 1e6) * 1e9));
      return respond(context);
    });
    expect(events).toEqual([expect.objectContaining({ phase: 'before', reservedUsd: 0, requestUsd: expect.closeTo((2 * 2.5 + 2000 * 10) / 1e6, 12) })]);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(ACTUAL * 1e9), reserved: 0 });
  });

  it('settles a stream once, when its idle checkpoint fires, however it ends later', async () => {
    const { middleware, store } = setup();
    const context = fakeCallContext({ operation: 'chatStream', request: REQUEST });
    const { stream } = createFakeStream(context, ['y'.repeat(40), 'never']);
    let idle: (() => void) | undefined;
    const wrapped = (await middleware(context, async (checked) => {
      idle = checked.checkpoints?.onStreamIdle[0];
      return stream;
    })) as AsyncIterable<unknown>;
    const iterator = wrapped[Symbol.asyncIterator]();
    await iterator.next();
    idle?.();
    const once = Math.round(((2 * 2.5 + 10 * 10) / 1e6) * 1e9);
    expect(await store.read('global|all')).toEqual({ spent: once, reserved: 0 });
    await iterator.return?.();
    expect(await store.read('global|all')).toEqual({ spent: once, reserved: 0 });
  });

  it('rejects bad options naming the field', () => {
    expect(() => createBudgetMiddleware({})).toThrow(ConfigurationError);
    expect(() => createBudgetMiddleware({})).toThrow(/budget.limitUsd is required/);
    expect(() => createBudgetMiddleware({ limitUsd: -1 })).toThrow('budget.limitUsd');
    expect(() => createBudgetMiddleware({ perTag: { a: Number.NaN } })).toThrow('budget.perTag["a"]');
    expect(() => createBudgetMiddleware({ limitUsd: 1, periodMs: 0 })).toThrow('budget.periodMs');
    expect(() => createBudgetMiddleware({ limitUsd: 1, mode: 'strict' as never })).toThrow('budget.mode');
    expect(() => createBudgetMiddleware({ limitUsd: 1, store: {} as never })).toThrow('budget.store');
    expect(() => createBudgetMiddleware({ limitUsd: 1, defaultMaxOutputTokens: 1.5 })).toThrow('budget.defaultMaxOutputTokens');
    expect(() => createBudgetMiddleware({ limitUsd: 1, leaseMarginMs: -1 })).toThrow('budget.leaseMarginMs');
    expect(() => createBudgetMiddleware({ limitUsd: 1, unknownModelReservationUsd: Number.NaN })).toThrow('budget.unknownModelReservationUsd');
    expect(() => createBudgetMiddleware(true as never)).toThrow(/budget must be an options object/);
  });
});
