import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../../../src/errors/error-classes.js';
import type { Next } from '../../../src/call/call-context.js';
import { createBudgetMiddleware } from '../../../src/middleware/budget/create-budget-middleware.js';
import { createRedisBudgetStore } from '../../../src/middleware/budget/create-redis-budget-store.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';
import { connectTestRedis, redisAvailable, redisUrl, type TestRedis } from '../../support/redis.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

const REQUEST = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello' }], max_tokens: 100 };
const RESERVATION = (7 * 2.5 + 100 * 10) / 1e6;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');

describe('createRedisBudgetStore', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    if (redisAvailable) redis = await connectTestRedis();
  });
  afterAll(async () => {
    await redis?.close();
  });

  it.skipIf(!redisAvailable)('reserves all scopes or none, settles, and reads back', async () => {
    const store = createRedisBudgetStore(redis.client, { prefix: `${redis.prefix}store:` });
    const scopes = [
      { key: 'global', limit: 1000 },
      { key: 'tag:a', limit: 300 },
    ];
    const lease = (id: string) => ({ id, ms: 60_000 });
    expect(await store.reserve({ scopes, amount: 200, lease: lease('a'), force: false, ttlMs: 60_000 })).toEqual({ admitted: true, exceeded: undefined });
    expect(await store.reserve({ scopes, amount: 200, lease: lease('b'), force: false, ttlMs: 60_000 })).toEqual({
      admitted: false,
      exceeded: { index: 1, spent: 0, reserved: 200 },
    });
    expect(await store.read('global')).toEqual({ spent: 0, reserved: 200 });
    expect(await store.settle(['global', 'tag:a'], 'a', 150, 60_000)).toEqual([150, 150]);
    expect(await store.read('tag:a')).toEqual({ spent: 150, reserved: 0 });
    const forced = await store.reserve({ scopes, amount: 200, lease: lease('c'), force: true, ttlMs: 60_000 });
    expect(forced).toEqual({ admitted: true, exceeded: { index: 1, spent: 150, reserved: 0 } });
    const ttl = Number(await redis.client.sendCommand(['PTTL', `${redis.prefix}store:global`]));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await store.read('missing')).toEqual({ spent: 0, reserved: 0 });
  });

  it.skipIf(!redisAvailable)('settles and expires a lease of nothing (a free model, a check-only reservation)', async () => {
    const store = createRedisBudgetStore(redis.client, { prefix: `${redis.prefix}zero:` });
    const scopes = [{ key: 'global', limit: 1000 }];
    // Redis refuses "-0" as an integer: giving back a zero lease must not send it.
    expect(await store.reserve({ scopes, amount: 0, lease: { id: 'free', ms: 60_000 }, force: false, ttlMs: undefined })).toMatchObject({ admitted: true });
    expect(await store.settle(['global'], 'free', 1500, undefined)).toEqual([1500]);
    expect(await store.reserve({ scopes, amount: 0, lease: { id: 'check', ms: 60_000 }, force: false, ttlMs: undefined })).toMatchObject({ admitted: false });
    expect(await store.reserve({ scopes: [{ key: 'other', limit: 1000 }], amount: 0, lease: { id: 'short', ms: 50 }, force: false, ttlMs: undefined })).toMatchObject({ admitted: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.read('other')).toEqual({ spent: 0, reserved: 0 });
  });

  it.skipIf(!redisAvailable)('frees an expired lease atomically on server time, tops up and extends a live one', async () => {
    const store = createRedisBudgetStore(redis.client, { prefix: `${redis.prefix}lease:` });
    const scopes = [{ key: 'global', limit: 1000 }];
    expect(await store.reserve({ scopes, amount: 600, lease: { id: 'dead', ms: 100 }, force: false, ttlMs: 60_000 })).toMatchObject({ admitted: true });
    expect(await store.reserve({ scopes, amount: 300, lease: { id: 'live', ms: 60_000 }, force: false, ttlMs: 60_000 })).toMatchObject({ admitted: true });
    expect(await store.reserve({ scopes, amount: 200, lease: { id: 'live', ms: 60_000 }, force: false, ttlMs: 60_000 })).toMatchObject({ admitted: false });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.read('global')).toEqual({ spent: 0, reserved: 300 });
    expect(await store.reserve({ scopes, amount: 200, lease: { id: 'live', ms: 60_000 }, force: false, ttlMs: 60_000 })).toMatchObject({ admitted: true });
    await store.extend(['global'], 'live', 120_000);
    await store.extend(['global'], 'dead', 120_000);
    const expiries = (await redis.client.sendCommand(['ZRANGE', `${redis.prefix}lease:global:leases`, '0', '-1', 'WITHSCORES'])) as string[];
    expect(expiries[0]).toBe('live');
    expect(expiries).toHaveLength(2);
    expect(await store.settle(['global'], 'live', 450, 60_000)).toEqual([450]);
    expect(await store.settle(['global'], 'dead', 10, 60_000)).toEqual([460]);
    expect(await store.read('global')).toEqual({ spent: 460, reserved: 0 });
    expect(await redis.client.sendCommand(['HKEYS', `${redis.prefix}lease:global`])).toEqual(expect.arrayContaining(['spent', 'reserved']));
    expect(await redis.client.sendCommand(['HLEN', `${redis.prefix}lease:global`])).toBe(2);
  });

  it.skipIf(!redisAvailable)('admits at most 5 of 50 concurrent requests against a budget worth exactly 5', async () => {
    const store = createRedisBudgetStore(redis.client, { prefix: `${redis.prefix}concurrent:` });
    const middleware = createBudgetMiddleware({ limitUsd: 5 * RESERVATION, mode: 'hard', store }, { clock: createFakeClock(Date.UTC(2025, 5, 1, 12)) });
    const gates: Array<() => void> = [];
    const next: Next = (context) =>
      new Promise((resolve) => {
        gates.push(() => {
          context.info.usage = { prompt_tokens: 7, completion_tokens: 100 };
          resolve({});
        });
      });
    const calls = Array.from({ length: 50 }, () => middleware(fakeCallContext({ operation: 'chat', request: REQUEST }), next));
    let rejected = 0;
    for (const call of calls) call.catch(() => (rejected += 1));
    while (rejected + gates.length < 50) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(gates.length).toBe(5);
    for (const open of gates) open();
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBe(5);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected' && outcome.reason instanceof BudgetExceededError).length).toBe(45);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(5 * RESERVATION * 1e9), reserved: 0 });
  });

  describe('two separate processes sharing one Redis budget', () => {
    let mock: MockServer;
    beforeAll(async () => {
      // Every call spends exactly its reservation: 7 input tokens, 100 output tokens.
      mock = await startMockServer(sendJson(200, chatResponse('hi', { model: 'gpt-4o', usage: { prompt_tokens: 7, completion_tokens: 100, total_tokens: 107 } })));
    });
    afterAll(() => mock.close());

    const runChild = (environment: Record<string, string>): Promise<{ admitted: number; rejected: number; other: string[] }> =>
      new Promise((resolve, reject) => {
        const child = spawn('npx', ['tsx', path.join(HERE, 'budget-child.ts')], {
          cwd: ROOT,
          env: { ...process.env, ...environment },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
        child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
          if (code !== 0) reject(new Error(`budget-child exited ${code}: ${stderr}`));
          else resolve(JSON.parse(stdout.trim().split('\n').at(-1) as string));
        });
      });

    it.skipIf(!redisAvailable)('never overshoot together', { timeout: 60_000 }, async () => {
      const prefix = `${redis.prefix}processes:`;
      const environment = {
        MOCK_URL: mock.url,
        LITER_LLM_REDIS_URL: redisUrl as string,
        BUDGET_PREFIX: prefix,
        BUDGET_LIMIT_USD: String(5 * RESERVATION),
        CALLS: '25',
        BARRIER_KEY: `${redis.prefix}barrier`,
        PROCESSES: '2',
      };
      const [first, second] = await Promise.all([runChild(environment), runChild(environment)]);
      expect(first.other).toEqual([]);
      expect(second.other).toEqual([]);
      expect(first.admitted + second.admitted).toBe(5);
      expect(first.rejected + second.rejected).toBe(45);
      expect(mock.requests.length).toBe(5);
      const state = (await redis.client.sendCommand(['HMGET', `${prefix}global|all`, 'spent', 'reserved'])) as string[];
      expect(state.map(Number)).toEqual([Math.round(5 * RESERVATION * 1e9), 0]);
    });
  });
});
