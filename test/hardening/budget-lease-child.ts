// A process that reserves on a shared Redis budget and then hangs in its call (spawned and killed
// with SIGKILL by budget-leases.test.ts):
//   MOCK_URL (a server that never answers), LITER_LLM_REDIS_URL, BUDGET_PREFIX, BUDGET_LIMIT_USD,
//   TIMEOUT_MS, LEASE_MARGIN_MS
import { createClient as createRedisClient } from 'redis';
import { createClient } from '../../src/index.js';
import { createRedisBudgetStore } from '../../src/middleware/budget/create-redis-budget-store.js';
import { requiredEnv as env } from '../support/required-env.js';

const redis = createRedisClient({ url: env('LITER_LLM_REDIS_URL') });
await redis.connect();
const client = createClient({
  providers: { openai: { baseURL: env('MOCK_URL'), apiKey: 'sk-test' } },
  maxRetries: 0,
  timeoutMs: Number(env('TIMEOUT_MS')),
  budget: {
    limitUsd: Number(env('BUDGET_LIMIT_USD')),
    mode: 'hard',
    leaseMarginMs: Number(env('LEASE_MARGIN_MS')),
    store: createRedisBudgetStore({ sendCommand: (args) => redis.sendCommand(args) }, { prefix: env('BUDGET_PREFIX') }),
  },
});
// Never answered: the parent kills this process while the call waits.
await client.chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hang' }], max_tokens: 1000 });
