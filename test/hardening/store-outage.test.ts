import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  callInfo,
  createClient,
  createMemoryBudgetStore,
  createRedisBudgetStore,
  createRedisCacheStore,
  createRedisCooldownStore,
  createRedisRateLimitStore,
  type BudgetStore,
  type ClientOptions,
  type RedisCommandClient,
} from '../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { timed } from '../support/timed.js';

// Stores that never answer, answer too late, or fail late, through `createClient` against a
// loopback provider: every call settles within the store timeout (500 ms by default) and goes on
// (cache, rate limit, cooldown, soft budget) or fails with StoreUnavailableError (hard budget).
// The real Redis cases (paused, killed, restarted) are in store-outage-redis.test.ts.

const request = { model: 'openai/gpt-4o', messages: [{ role: 'user' as const, content: 'Hi' }], max_tokens: 10 };
/** Default storeTimeoutMs plus room for a loaded machine. */
const SETTLES_WITHIN_MS = 500 + 1_000;

/** A Redis client whose commands never answer: a server that stopped responding. */
function silentRedis(): RedisCommandClient & { readonly sent: string[][] } {
  const sent: string[][] = [];
  return { sent, sendCommand: (args) => (sent.push(args), new Promise<never>(() => {})) };
}

let mock: MockServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(async () => {
  mock = await startMockServer(sendJson(200, chatResponse('hello', { model: 'gpt-4o' })));
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await mock.close();
});
beforeEach(() => {
  mock.requests.length = 0;
});
afterEach(() => {
  expect(unhandled).toEqual([]);
});

function client(options: Partial<ClientOptions>) {
  return createClient({ providers: { openai: { baseURL: mock.url, apiKey: 'sk-test-0123456789' } }, maxRetries: 0, ...options });
}

describe('a store that never answers', () => {
  const layers: Array<[string, (redis: RedisCommandClient) => Partial<ClientOptions>]> = [
    ['cache', (redis) => ({ cache: { store: createRedisCacheStore(redis) } })],
    ['rateLimit', (redis) => ({ rateLimit: { rpm: 100, store: createRedisRateLimitStore(redis) } })],
    ['rateLimit', (redis) => ({ rateLimit: { rpm: 100, mode: 'reject', store: createRedisRateLimitStore(redis) } })],
    ['cooldown', (redis) => ({ cooldown: { store: createRedisCooldownStore(redis) } })],
    ['budget', (redis) => ({ budget: { limitUsd: 10, mode: 'soft', store: createRedisBudgetStore(redis) } })],
  ];

  it.each(layers)('%s fails open: the call is sent and settles within storeTimeoutMs, with a warning', async (layer, options) => {
    const redis = silentRedis();
    const settled = await timed(client(options(redis)).chat(request));
    expect(settled.error).toBeUndefined();
    expect(settled.ms).toBeLessThan(SETTLES_WITHIN_MS * 2); // one wait before the call, one after
    expect(mock.requests.length).toBe(1);
    expect(redis.sent.length).toBeGreaterThan(0);
    const warnings = callInfo(settled.value as object).warnings;
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(warning).toMatch(new RegExp(`^${layer}: .*no answer within 500 ms`));
  });

  it('also with a signal given (the rate limit queue path)', async () => {
    const redis = silentRedis();
    const settled = await timed(client({ rateLimit: { rpm: 100, store: createRedisRateLimitStore(redis) } }).chat(request, { signal: new AbortController().signal }));
    expect(settled.error).toBeUndefined();
    expect(settled.ms).toBeLessThan(SETTLES_WITHIN_MS * 2);
    expect(mock.requests.length).toBe(1);
  });

  it('a hard budget fails closed with StoreUnavailableError before anything is sent', async () => {
    const redis = silentRedis();
    const settled = await timed(client({ budget: { limitUsd: 10, store: createRedisBudgetStore(redis) } }).chat(request));
    expect(settled.ms).toBeLessThan(SETTLES_WITHIN_MS);
    expect(settled.error).toMatchObject({ name: 'StoreUnavailableError', kind: 'StoreUnavailable', retryable: true });
    expect((settled.error as Error).message).toMatch(/budget store .*no answer within 500 ms/);
    expect(mock.requests.length).toBe(0);
  });

  it('any layer set to onStoreError "closed" fails with StoreUnavailableError; "open" on a hard budget goes on', async () => {
    for (const options of [
      (redis: RedisCommandClient) => ({ cache: { store: createRedisCacheStore(redis), onStoreError: 'closed' as const } }),
      (redis: RedisCommandClient) => ({ rateLimit: { rpm: 5, store: createRedisRateLimitStore(redis), onStoreError: 'closed' as const } }),
      (redis: RedisCommandClient) => ({ cooldown: { store: createRedisCooldownStore(redis), onStoreError: 'closed' as const } }),
    ]) {
      const settled = await timed(client(options(silentRedis())).chat(request));
      expect(settled.error).toMatchObject({ name: 'StoreUnavailableError', retryable: true });
      expect(settled.ms).toBeLessThan(SETTLES_WITHIN_MS);
    }
    expect(mock.requests.length).toBe(0);
    const open = await timed(client({ budget: { limitUsd: 10, store: createRedisBudgetStore(silentRedis()), onStoreError: 'open', storeTimeoutMs: 50 } }).chat(request));
    expect(open.error).toBeUndefined();
    expect(callInfo(open.value as object).warnings[0]).toMatch(/^budget: .*no answer within 50 ms/);
  });

  it('storeTimeoutMs bounds each wait, and the call deadline bounds them all', async () => {
    const quick = await timed(client({ cooldown: { store: createRedisCooldownStore(silentRedis()), storeTimeoutMs: 50 } }).chat(request));
    expect(quick.error).toBeUndefined();
    expect(quick.ms).toBeLessThan(50 + 1_000);
    // A call with 300 ms left does not wait the store's 500 ms: its own deadline comes first.
    const store = createRedisBudgetStore(silentRedis());
    const deadline = await timed(client({ budget: { limitUsd: 10, store } }).chat(request, { timeoutMs: 300 }));
    expect(deadline.error).toMatchObject({ name: 'StoreUnavailableError' });
    expect(deadline.ms).toBeLessThan(300 + 500);
  });

  it.each([
    ['cache', (redis: RedisCommandClient) => ({ cache: { store: createRedisCacheStore(redis), storeTimeoutMs: 10_000 } })],
    ['rateLimit', (redis: RedisCommandClient) => ({ rateLimit: { rpm: 5, store: createRedisRateLimitStore(redis), storeTimeoutMs: 10_000 } })],
    ['cooldown', (redis: RedisCommandClient) => ({ cooldown: { store: createRedisCooldownStore(redis), storeTimeoutMs: 10_000 } })],
    ['budget', (redis: RedisCommandClient) => ({ budget: { limitUsd: 10, store: createRedisBudgetStore(redis), storeTimeoutMs: 10_000 } })],
  ])('an aborted signal ends a %s store wait at once with AbortedError', async (_layer, options) => {
    const controller = new AbortController();
    const call = timed(client(options(silentRedis())).chat(request, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user left')), 100);
    const settled = await call;
    expect(settled.error).toMatchObject({ name: 'AbortedError', kind: 'Aborted' });
    expect(settled.ms).toBeLessThan(100 + 1_000);
    expect(mock.requests.length).toBe(0);
  });
});

describe('the rate limit queue', () => {
  it("lets a waiting call go at its own deadline, long before maxWaitMs, with nothing sent", async () => {
    const limited = client({ rateLimit: { rpm: 1, maxWaitMs: 120_000 } });
    await limited.chat(request);
    const settled = await timed(limited.chat(request, { timeoutMs: 800 }));
    expect(settled.error).toMatchObject({ name: 'RateLimitedError', retryable: true });
    expect((settled.error as Error).message).toMatch(/timeoutMs of 800 ms/);
    expect(settled.ms).toBeLessThan(800 + 1_000);
    expect(mock.requests.length).toBe(1);
  });
});

describe('a store that answers too late', () => {
  /** The memory store's answers, each arriving `delayMs` later; reserve/settle calls are counted. */
  function lateBudgetStore(delayMs: number): BudgetStore & { readonly memory: BudgetStore } {
    const memory = createMemoryBudgetStore();
    const later = <T>(answer: Promise<T>): Promise<T> => new Promise((resolve, reject) => setTimeout(() => answer.then(resolve, reject), delayMs));
    return {
      memory,
      reserve: (input) => later(memory.reserve(input)),
      settle: (...args) => later(memory.settle(...args)),
      extend: (...args) => later(memory.extend(...args)),
      read: (key) => memory.read(key),
    };
  }

  it('releases a reservation that landed after the call gave up on it (hard budget, failed closed)', async () => {
    const store = lateBudgetStore(700);
    const settled = await timed(client({ budget: { limitUsd: 10, store } }).chat(request));
    expect(settled.error).toMatchObject({ name: 'StoreUnavailableError' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await store.memory.read('global|all')).toEqual({ spent: 0, reserved: 0 });
  });

  it('releases it too when the call went on without it (soft budget), and still records what was spent', async () => {
    const store = lateBudgetStore(700);
    const settled = await timed(client({ budget: { limitUsd: 10, mode: 'soft', store } }).chat(request));
    expect(settled.error).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const state = await store.memory.read('global|all');
    expect(state.reserved).toBe(0);
    expect(state.spent).toBeGreaterThan(0);
  });

  it('leaves no unhandled rejection when a store fails after the call stopped waiting', async () => {
    const failsLate: RedisCommandClient = {
      sendCommand: () => new Promise((_resolve, reject) => setTimeout(() => reject(new Error('ClientClosedError: The client is closed')), 700)),
    };
    const settled = await timed(
      client({
        cache: { store: createRedisCacheStore(failsLate) },
        rateLimit: { rpm: 100, store: createRedisRateLimitStore(failsLate) },
        cooldown: { store: createRedisCooldownStore(failsLate) },
        budget: { limitUsd: 10, mode: 'soft', store: createRedisBudgetStore(failsLate) },
      }).chat(request, { timeoutMs: 20_000 }),
    );
    expect(settled.error).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // afterEach checks that no rejection went unhandled.
  });
});

describe('store options', () => {
  it.each([
    [{ cache: { storeTimeoutMs: 0 } }, /cache\.storeTimeoutMs must be a positive number of milliseconds/],
    [{ rateLimit: { rpm: 1, storeTimeoutMs: '500' } }, /rateLimit\.storeTimeoutMs/],
    [{ cooldown: { storeTimeoutMs: Number.POSITIVE_INFINITY } }, /cooldown\.storeTimeoutMs/],
    [{ budget: { limitUsd: 1, onStoreError: 'maybe' } }, /budget\.onStoreError must be 'open' or 'closed', got "maybe"/],
    [{ cache: { onStoreError: true } }, /cache\.onStoreError/],
  ])('rejects %j naming the field', (options, message) => {
    expect(() => client(options as Partial<ClientOptions>)).toThrow(message);
  });
});
