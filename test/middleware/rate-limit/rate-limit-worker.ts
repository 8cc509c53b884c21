// A separate process for the shared-limit test: `npx tsx rate-limit-worker.ts <prefix> <rpm> <calls> <startAt>`.
// It waits until `startAt` (epoch ms) so that both processes fire together, sends `calls`
// concurrent calls through a rate limiter backed by Redis, and prints how many were admitted.
import { createClient } from 'redis';
import { createRateLimitMiddleware } from '../../../src/middleware/rate-limit/create-rate-limit-middleware.js';
import { createRedisRateLimitStore } from '../../../src/middleware/rate-limit/create-redis-rate-limit-store.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

const [prefix = '', rpm = '0', calls = '0', startAt = '0'] = process.argv.slice(2);
const redis = createClient({ url: process.env.LITER_LLM_REDIS_URL });
await redis.connect();
const store = createRedisRateLimitStore({ sendCommand: (args) => redis.sendCommand(args) }, { prefix });
const layer = createRateLimitMiddleware({ rpm: Number(rpm), mode: 'reject', store });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
let admitted = 0;
let rejected = 0;
// Two bursts, so the processes interleave rather than one finishing before the other starts.
for (let burst = 0; burst < 2; burst += 1) {
  const results = await Promise.allSettled(
    Array.from({ length: Number(calls) / 2 }, () => layer(fakeCallContext({ provider: 'groq', model: 'shared' }), async () => ({ ok: true }))),
  );
  for (const result of results) {
    if (result.status === 'fulfilled') admitted += 1;
    else if ((result.reason as { kind?: string }).kind === 'RateLimited') rejected += 1;
    else throw result.reason;
  }
}
process.stdout.write(`${JSON.stringify({ admitted, rejected, pid: process.pid })}\n`);
await redis.quit();
