// A separate process sharing one Redis budget (spawned by create-redis-budget-store.test.ts):
//   MOCK_URL, LITER_LLM_REDIS_URL, BUDGET_PREFIX, BUDGET_LIMIT_USD, CALLS, BARRIER_KEY, PROCESSES
// Waits at a Redis barrier until every process is ready, fires CALLS concurrent chats, and prints
// one JSON line: { admitted, rejected, other }.
import { createClient as createRedisClient } from 'redis';
import { createClient } from '../../../src/index.js';
import { createBudgetMiddleware } from '../../../src/middleware/budget/create-budget-middleware.js';
import { createRedisBudgetStore } from '../../../src/middleware/budget/create-redis-budget-store.js';
import { requiredEnv as env } from '../../support/required-env.js';

const redis = createRedisClient({ url: env('LITER_LLM_REDIS_URL') });
await redis.connect();
try {
  const store = createRedisBudgetStore({ sendCommand: (args) => redis.sendCommand(args) }, { prefix: env('BUDGET_PREFIX') });
  const client = createClient({
    providers: { openai: { baseURL: env('MOCK_URL'), apiKey: 'k' } },
    maxRetries: 0,
    middleware: [createBudgetMiddleware({ limitUsd: Number(env('BUDGET_LIMIT_USD')), mode: 'hard', store })],
  });
  await redis.sendCommand(['INCR', env('BARRIER_KEY')]);
  while (Number(await redis.sendCommand(['GET', env('BARRIER_KEY')])) < Number(env('PROCESSES'))) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const outcomes = await Promise.allSettled(
    Array.from({ length: Number(env('CALLS')) }, () =>
      client.chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello' }], max_tokens: 100 }),
    ),
  );
  const count = (test: (outcome: PromiseSettledResult<unknown>) => boolean): number => outcomes.filter(test).length;
  console.log(
    JSON.stringify({
      admitted: count((outcome) => outcome.status === 'fulfilled'),
      rejected: count((outcome) => outcome.status === 'rejected' && (outcome.reason as { kind?: string }).kind === 'BudgetExceeded'),
      other: outcomes.flatMap((outcome) => (outcome.status === 'rejected' && (outcome.reason as { kind?: string }).kind !== 'BudgetExceeded' ? [String(outcome.reason)] : [])),
    }),
  );
} finally {
  await redis.quit();
}
