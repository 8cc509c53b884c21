import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetExceededError, createClient } from '../../src/index.js';
import { createMemoryBudgetStore } from '../../src/middleware/budget/create-memory-budget-store.js';
import { createRedisBudgetStore } from '../../src/middleware/budget/create-redis-budget-store.js';
import { chatChunk, chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { connectTestRedis, redisAvailable, redisUrl, type TestRedis } from '../support/redis.js';

// Reservations are leases: a process killed mid-call frees its reservation by itself once the
// call's deadline plus leaseMarginMs has passed, while a long healthy stream keeps its own.

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const messages = (content: string) => [{ role: 'user' as const, content }];
// gpt-4o, max_tokens 1000: about $0.01 reserved per call; the limit fits one call, not two.
const LIMIT_USD = 0.015;

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer((request, response) => {
    const content = (request.body as { messages?: Array<{ content?: string }> }).messages?.[0]?.content;
    if (content === 'hang') return; // never answered
    sendJson(200, chatResponse('ok', { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }))(request, response);
  });
});
afterAll(async () => {
  await server.close();
});

async function until(condition: () => boolean, giveUpMs: number): Promise<void> {
  const startedAt = Date.now();
  while (!condition()) {
    if (Date.now() - startedAt > giveUpMs) throw new Error(`gave up after ${giveUpMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a process killed mid-call', () => {
  let redis: TestRedis;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    if (redisAvailable) redis = await connectTestRedis();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await redis?.close();
  });

  it.skipIf(!redisAvailable)('frees its Redis reservation by itself after the deadline plus leaseMarginMs', { timeout: 60_000 }, async () => {
    const prefix = `${redis.prefix}lease:`;
    const timeoutMs = 3000;
    const leaseMarginMs = 1000;
    const hanging = server.requests.length;
    // node itself (not npx, whose SIGKILL would leave the node process running), with tsx in-process.
    child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'budget-lease-child.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        MOCK_URL: `${server.url}/v1`,
        LITER_LLM_REDIS_URL: redisUrl as string,
        BUDGET_PREFIX: prefix,
        BUDGET_LIMIT_USD: String(LIMIT_USD),
        TIMEOUT_MS: String(timeoutMs),
        LEASE_MARGIN_MS: String(leaseMarginMs),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => child?.on('exit', resolve));
    // The child has reserved and its call waits at the server: kill it there, without any cleanup.
    await until(() => server.requests.length > hanging, 30_000);
    child.kill('SIGKILL');
    await exited;

    const store = createRedisBudgetStore(redis.client, { prefix });
    const client = createClient({
      providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-test' } },
      maxRetries: 0,
      budget: { limitUsd: LIMIT_USD, mode: 'hard', store },
    });
    const probe = () => client.chat({ model: 'openai/gpt-4o', messages: messages('probe'), max_tokens: 1000 });
    await expect(probe()).rejects.toBeInstanceOf(BudgetExceededError);
    expect((await store.read('global|all')).reserved).toBeGreaterThan(0);

    // Admitted again once the dead call's lease ran out (deadline + margin, with generous slack).
    const startedAt = Date.now();
    let admitted = false;
    while (!admitted && Date.now() - startedAt < timeoutMs + leaseMarginMs + 10_000) {
      admitted = await probe().then(
        () => true,
        (error: unknown) => {
          if (!(error instanceof BudgetExceededError)) throw error;
          return false;
        },
      );
      if (!admitted) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(admitted).toBe(true);
    expect((await store.read('global|all')).reserved).toBe(0);
  });
});

describe('a stream', () => {
  it('keeps its reservation while it is read past the call deadline plus leaseMarginMs', { timeout: 20_000 }, async () => {
    const stream = await startMockServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      let sent = 0;
      const timer = setInterval(() => {
        sent += 1;
        if (sent > 15) {
          clearInterval(timer);
          response.end(`data: ${JSON.stringify(chatChunk('.', 'stop'))}\n\ndata: [DONE]\n\n`);
          return;
        }
        response.write(`data: ${JSON.stringify(chatChunk('word '))}\n\n`);
      }, 100);
      response.on('close', () => clearInterval(timer));
    });
    try {
      const store = createMemoryBudgetStore();
      const client = createClient({
        providers: { openai: { baseURL: `${stream.url}/v1`, apiKey: 'sk-test' } },
        maxRetries: 0,
        timeoutMs: 400,
        budget: { limitUsd: LIMIT_USD, mode: 'hard', store, leaseMarginMs: 200 },
      });
      const startedAt = Date.now();
      let reservedLate = -1;
      for await (const _chunk of client.chatStream({ model: 'openai/gpt-4o', messages: messages('stream'), max_tokens: 1000 })) {
        // Well past timeoutMs + leaseMarginMs since the call started: the lease was extended.
        if (reservedLate < 0 && Date.now() - startedAt > 1200) reservedLate = (await store.read('global|all')).reserved;
      }
      expect(reservedLate).toBeGreaterThan(0);
      expect((await store.read('global|all')).reserved).toBe(0);
    } finally {
      await stream.close();
    }
  });
});
