import { createClient as createRedis } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  callInfo,
  createClient,
  createRedisBudgetStore,
  createRedisCacheStore,
  createRedisCooldownStore,
  createRedisRateLimitStore,
  isLiterLlmError,
  type ClientOptions,
  type RedisCommandClient,
} from '../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { timed, within, type Settled } from '../support/timed.js';
import { createOwnedRedisServer, redisServerBinary, type OwnedRedisServer } from '../support/spawn-redis-server.js';

// A real redis-server this file spawns on a free port and node-redis clients as the stores'
// RedisCommandClient: paused, killed with SIGKILL while calls are in flight through all four
// layers, and restarted on the same port. Every call settles in time, none is left pending, no raw
// node-redis error reaches a caller, and the first call after the restart succeeds cleanly.

const request = { model: 'openai/gpt-4o', messages: [{ role: 'user' as const, content: 'Hi' }], max_tokens: 10 };
const SLACK_MS = 500;

type NodeRedis = ReturnType<typeof createRedis>;

describe.skipIf(redisServerBinary === undefined)('store outages against a real redis-server', () => {
  let server: OwnedRedisServer;
  let redis: NodeRedis;
  let admin: NodeRedis;
  let mock: MockServer;
  let prefix = 0;

  const commands = (): RedisCommandClient => ({ sendCommand: (args) => redis.sendCommand(args) });
  /** All four layers on the spawned Redis, with fresh keys so each test starts empty. */
  const allLayers = (budgetMode: 'hard' | 'soft'): Partial<ClientOptions> => {
    prefix += 1;
    const options = { prefix: `outage-${prefix}:` };
    return {
      cache: { store: createRedisCacheStore(commands(), options) },
      budget: { limitUsd: 100, mode: budgetMode, store: createRedisBudgetStore(commands(), options) },
      cooldown: { store: createRedisCooldownStore(commands(), options) },
      rateLimit: { rpm: 10_000, store: createRedisRateLimitStore(commands(), options) },
    };
  };
  const client = (options: Partial<ClientOptions>) =>
    createClient({ providers: { openai: { baseURL: mock.url, apiKey: 'sk-test-0123456789' } }, maxRetries: 0, ...options });
  const connect = async (): Promise<NodeRedis> => {
    const connection = createRedis({ url: server.url });
    // A dropped connection is reported here; node-redis reconnects by itself.
    connection.on('error', () => {});
    await connection.connect();
    return connection;
  };

  beforeAll(async () => {
    server = await createOwnedRedisServer();
    await server.start();
    redis = await connect();
    admin = await connect();
    mock = await startMockServer(sendJson(200, chatResponse('hello', { model: 'gpt-4o' })));
  });
  afterAll(async () => {
    redis.destroy();
    admin.destroy();
    await mock.close();
    await server.dispose();
  });
  beforeEach(() => {
    mock.requests.length = 0;
    mock.handle(sendJson(200, chatResponse('hello', { model: 'gpt-4o' })));
  });

  it('works while Redis answers: no warning, entries shared through it', async () => {
    const layers = allLayers('hard');
    const first = await client(layers).chat(request);
    expect(callInfo(first).warnings).toEqual([]);
    expect(callInfo(await client(layers).chat(request)).cache).toBe('hit');
  });

  it('a paused Redis (CLIENT PAUSE): each layer settles within storeTimeoutMs, open layers go on, a hard budget fails closed', async () => {
    const open = client(allLayers('soft'));
    const hard = client(allLayers('hard'));
    await admin.sendCommand(['CLIENT', 'PAUSE', '4000', 'ALL']);
    try {
      const [served, refused] = await Promise.all([timed(open.chat(request, { timeoutMs: 10_000 })), timed(hard.chat(request))]);
      expect(served.error).toBeUndefined();
      // Four store waits before the call and four after, 500 ms each at most.
      expect(served.ms).toBeLessThan(8 * 500 + SLACK_MS);
      const warnings = callInfo(served.value as object).warnings;
      for (const layer of ['cache', 'budget', 'cooldown', 'rateLimit']) expect(warnings.some((line) => line.startsWith(`${layer}: `))).toBe(true);
      expect(refused.error).toMatchObject({ name: 'StoreUnavailableError', kind: 'StoreUnavailable', retryable: true });
      // The cache read and the budget reservation, 500 ms each.
      expect(refused.ms).toBeLessThan(2 * 500 + SLACK_MS);
      expect(mock.requests.length).toBe(1);
    } finally {
      await admin.sendCommand(['CLIENT', 'UNPAUSE']);
    }
  });

  it('killed mid-run (SIGKILL) with calls in flight through all four layers: every call settles within timeoutMs + 0.5 s, then recovers after a restart', async () => {
    const timeoutMs = 3_000;
    // The provider answers after 150 ms, so the kill lands while calls are being served.
    mock.handle(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      sendJson(200, chatResponse('hello', { model: 'gpt-4o' }))(_request, response);
    });
    const soft = client(allLayers('soft'));
    const hard = client(allLayers('hard'));
    const calls: Array<Promise<Settled>> = [];
    let settled = 0;
    for (let index = 0; index < 12; index += 1) {
      const call = timed((index % 2 === 0 ? soft : hard).chat({ ...request, messages: [{ role: 'user', content: `Hi ${index}` }] }, { timeoutMs }));
      calls.push(call.finally(() => (settled += 1)));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const inFlightAtKill = calls.length - settled;
    await within(5_000, 'SIGKILL of redis-server', server.kill());
    expect(inFlightAtKill).toBeGreaterThan(0);
    // And calls that start while Redis is down.
    for (let index = 12; index < 16; index += 1) {
      const call = timed((index % 2 === 0 ? soft : hard).chat({ ...request, messages: [{ role: 'user', content: `Hi ${index}` }] }, { timeoutMs }));
      calls.push(call.finally(() => (settled += 1)));
    }
    const outcomes = await Promise.race([
      Promise.all(calls),
      new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`${calls.length - settled} calls still pending`)), timeoutMs + 5_000)),
    ]);
    expect(settled).toBe(calls.length);
    for (const outcome of outcomes) {
      expect(outcome.ms).toBeLessThan(timeoutMs + SLACK_MS);
      // A failure is one of ours (StoreUnavailableError for the hard budget), never a node-redis error.
      if (outcome.error !== undefined) {
        expect(isLiterLlmError(outcome.error), String(outcome.error)).toBe(true);
        expect((outcome.error as Error).name).not.toMatch(/^(ClientOfflineError|ClientClosedError|SocketClosedUnexpectedlyError)$/);
      }
    }

    // Redis stays down: the hard budget fails closed, the open layers go on with warnings.
    mock.handle(sendJson(200, chatResponse('hello', { model: 'gpt-4o' })));
    const down = await within(timeoutMs + 2_000, 'the hard-budget call while Redis is down', timed(hard.chat(request, { timeoutMs })));
    expect(down.error).toMatchObject({ name: 'StoreUnavailableError', kind: 'StoreUnavailable', retryable: true });
    const degraded = await within(timeoutMs + 2_000, 'the soft call while Redis is down', timed(soft.chat(request, { timeoutMs })));
    expect(degraded.error).toBeUndefined();
    expect(degraded.ms).toBeLessThan(timeoutMs + SLACK_MS);
    const warnings = callInfo(degraded.value as object).warnings;
    for (const layer of ['cache', 'budget', 'cooldown', 'rateLimit']) expect(warnings.some((line) => line.startsWith(`${layer}: `))).toBe(true);

    // Restarted on the same port: node-redis reconnects (commands queued during the outage are
    // sent or lost, neither leaves a call pending) and the next call succeeds cleanly.
    await server.start();
    // node-redis backs off up to about 2.2 s between reconnect attempts.
    for (let attempt = 0; attempt < 200 && !(redis.isReady && admin.isReady); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await within(5_000, 'PING on the test client after the restart', redis.ping())).toBe('PONG');
    expect(await within(5_000, 'PING on the admin client after the restart', admin.ping())).toBe('PONG');
    const recovered = await within(
      timeoutMs + 2_000,
      'the first call after the restart',
      timed(hard.chat({ ...request, messages: [{ role: 'user', content: 'after the restart' }] }, { timeoutMs })),
    );
    expect(recovered.error).toBeUndefined();
    expect(callInfo(recovered.value as object).warnings).toEqual([]);
    const again = await within(timeoutMs + 2_000, 'the second call after the restart', timed(soft.chat(request, { timeoutMs })));
    expect(again.error).toBeUndefined();
    expect(callInfo(again.value as object).warnings).toEqual([]);
  }, 60_000);

  it('an aborted signal ends a wait on a paused Redis (CLIENT PAUSE WRITE) at once with AbortedError', async () => {
    const layers = allLayers('hard');
    // WRITE pauses the budget's reservation script (and every write) but not the UNPAUSE below.
    await within(5_000, 'CLIENT PAUSE WRITE', admin.sendCommand(['CLIENT', 'PAUSE', '5000', 'WRITE']));
    try {
      const controller = new AbortController();
      const call = timed(client(layers).chat(request, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 100);
      const outcome = await Promise.race([
        call,
        new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('the aborted call is still pending after 2 s')), 2_000)),
      ]);
      expect(outcome.error).toMatchObject({ name: 'AbortedError', kind: 'Aborted' });
      expect(outcome.ms).toBeLessThan(100 + 300);
      expect(mock.requests.length).toBe(0);
    } finally {
      await admin.sendCommand(['CLIENT', 'UNPAUSE']);
    }
  });
});
