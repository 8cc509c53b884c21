import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { createBudgetMiddleware } from '../../../src/middleware/budget/create-budget-middleware.js';
import { createMemoryBudgetStore } from '../../../src/middleware/budget/create-memory-budget-store.js';
import { createCostTrackingMiddleware } from '../../../src/middleware/cost/create-cost-tracking-middleware.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../../support/mock-server.js';
import { CONFORMANCE_BUDGETS, createConformanceBudgetMiddleware } from './conformance-budget.js';

const FIXTURES = '/work/shared/conformance/fixtures/budget';

describe('budget through createClient', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock.close());

  it('spends the actual cost of each call and rejects before sending once the budget is gone', async () => {
    mock.handle(sendJson(200, chatResponse('hi', { model: 'gpt-4o', usage: { prompt_tokens: 7, completion_tokens: 100, total_tokens: 107 } })));
    const store = createMemoryBudgetStore();
    const reservation = (7 * 2.5 + 100 * 10) / 1e6;
    const client = createClient({
      providers: { openai: { baseURL: mock.url, apiKey: 'k' } },
      maxRetries: 0,
      middleware: [createCostTrackingMiddleware(true), createBudgetMiddleware({ limitUsd: 2 * reservation, store })],
    });
    const request = { model: 'openai/gpt-4o', messages: [{ role: 'user' as const, content: 'hello' }], max_tokens: 100 };
    const before = mock.requests.length;
    const first = await client.chat(request);
    expect(callInfo(first).costUsd).toBeCloseTo(reservation, 12);
    await client.chat(request);
    await expect(client.chat(request)).rejects.toMatchObject({ name: 'BudgetExceededError', kind: 'BudgetExceeded' });
    expect(mock.requests.length - before).toBe(2);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(2 * reservation * 1e9), reserved: 0 });
  });

  it('settles a real stream after its last chunk', async () => {
    mock.handle(
      sendSse([chatChunk('Hi', 'stop'), { ...chatChunk(undefined), choices: [], usage: { prompt_tokens: 7, completion_tokens: 4, total_tokens: 11 } }]),
    );
    const store = createMemoryBudgetStore();
    const client = createClient({
      providers: { openai: { baseURL: mock.url, apiKey: 'k' } },
      maxRetries: 0,
      middleware: [createBudgetMiddleware({ limitUsd: 1, store })],
    });
    const stream = client.chatStream({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello' }], max_tokens: 100 });
    expect((await stream.toArray()).length).toBe(2);
    expect(await store.read('global|all')).toEqual({ spent: Math.round(((7 * 2.5 + 4 * 10) / 1e6) * 1e9), reserved: 0 });
  });

  it('makes every conformance budget fixture fail with BudgetExceeded before a request is sent', async () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { id: string; input: { model: string }; mock_response: { body: unknown } };
      expect(CONFORMANCE_BUDGETS[fixture.id], fixture.id).toBeDefined();
      mock.handle(sendJson(200, fixture.mock_response.body));
      const before = mock.requests.length;
      const client = createClient({
        baseURL: `${mock.url}/fixtures/${fixture.id}`,
        apiKey: 'test-key',
        maxRetries: 0,
        middleware: createConformanceBudgetMiddleware(fixture.id),
      });
      await expect(client.chat(fixture.input as never), fixture.id).rejects.toMatchObject({ kind: 'BudgetExceeded' });
      expect(mock.requests.length, fixture.id).toBe(before);
    }
    expect(createConformanceBudgetMiddleware('chat_basic')).toEqual([]);
  });
});
