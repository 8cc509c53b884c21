import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CooldownPolicy, CooldownStore } from '../../../src/middleware/cooldown/cooldown-store.js';
import { createCooldownMiddleware } from '../../../src/middleware/cooldown/create-cooldown-middleware.js';
import { createMemoryCooldownStore } from '../../../src/middleware/cooldown/create-memory-cooldown-store.js';
import { createRedisCooldownStore } from '../../../src/middleware/cooldown/create-redis-cooldown-store.js';
import { ServerError, ServiceUnavailableError } from '../../../src/errors/error-classes.js';
import { connectTestRedis, redisAvailable, type TestRedis } from '../../support/redis.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

let redis: TestRedis | undefined;
let other: TestRedis | undefined;
let prefixes = 0;

beforeAll(async () => {
  if (!redisAvailable) return;
  redis = await connectTestRedis();
  other = await connectTestRedis();
});
afterAll(async () => {
  await redis?.close();
  await other?.close();
});

const policy: CooldownPolicy = { failures: 2, windowMs: 60_000, durationMs: 30_000 };

interface StoreCase {
  readonly name: string;
  readonly skip: boolean;
  /** Two handles on one shared state (for Redis: two connections, as two processes would have). */
  create(): [CooldownStore, CooldownStore];
}

const cases: StoreCase[] = [
  {
    name: 'memory',
    skip: false,
    create: () => {
      const store = createMemoryCooldownStore();
      return [store, store];
    },
  },
  {
    name: 'redis',
    skip: !redisAvailable,
    create: () => {
      const prefix = `${(redis as TestRedis).prefix}cd${(prefixes += 1)}:`;
      return [createRedisCooldownStore((redis as TestRedis).client, { prefix }), createRedisCooldownStore((other as TestRedis).client, { prefix })];
    },
  },
];

describe.each(cases)('$name cooldown store', ({ create, skip }) => {
  it.skipIf(skip)('cools after the policy failures, counted across handles', async () => {
    const [first, second] = create();
    expect(await first.remaining('groq/llama')).toBe(0);
    expect(await first.recordFailure('groq/llama', 'f1', policy)).toBe(0);
    expect(await second.recordFailure('groq/llama', 'f2', policy)).toBe(30_000);
    const left = await first.remaining('groq/llama');
    expect(left).toBeGreaterThan(25_000);
    expect(left).toBeLessThanOrEqual(30_000);
    // Failures while cooling do not extend it.
    expect(await second.recordFailure('groq/llama', 'f3', policy)).toBeLessThanOrEqual(30_000);
    expect(await second.remaining('groq/other')).toBe(0);
  });

  it.skipIf(skip)('clears the count on success', async () => {
    const [first, second] = create();
    await first.recordFailure('groq/llama', 'f1', policy);
    await second.recordSuccess('groq/llama');
    expect(await first.recordFailure('groq/llama', 'f2', policy)).toBe(0);
    expect(await first.remaining('groq/llama')).toBe(0);
  });

  it.skipIf(skip)('cools a deployment for every client that shares the store', async () => {
    const [first, second] = create();
    const clientA = createCooldownMiddleware({ failures: 2, store: first });
    const clientB = createCooldownMiddleware({ failures: 2, store: second });
    const fail = () => Promise.reject(new ServerError('500', { status: 500 }));
    await clientA(fakeCallContext({ provider: 'groq', model: 'llama' }), fail).catch(() => undefined);
    await clientB(fakeCallContext({ provider: 'groq', model: 'llama' }), fail).catch(() => undefined);
    let sent = false;
    const error = await clientA(fakeCallContext({ provider: 'groq', model: 'llama' }), async () => (sent = true)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(sent).toBe(false);
  });
});

describe('memory cooldown store over time', () => {
  it('ends a cooldown after its duration and counts afresh', async () => {
    const clock = createFakeClock();
    const store = createMemoryCooldownStore({ clock });
    await store.recordFailure('d', 'a', policy);
    await store.recordFailure('d', 'b', policy);
    await clock.advance(29_999);
    expect(await store.remaining('d')).toBe(1);
    await clock.advance(1);
    expect(await store.remaining('d')).toBe(0);
    expect(await store.recordFailure('d', 'c', policy)).toBe(0);
  });
});
