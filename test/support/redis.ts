import { createClient } from 'redis';
import type { RedisCommandClient } from '../../src/stores/redis-command-client.js';

/**
 * The loopback Redis that `.ci/run` starts (LITER_LLM_REDIS_URL). Under CI a missing server is an
 * error, never a silent skip; elsewhere the Redis tests are skipped with `redisAvailable` false.
 */
export const redisUrl = process.env.LITER_LLM_REDIS_URL;
export const redisAvailable = redisUrl !== undefined && redisUrl !== '';
if (!redisAvailable && process.env.CI) {
  throw new Error('LITER_LLM_REDIS_URL is not set under CI: .ci/run must start redis-server');
}

export interface TestRedis {
  readonly client: RedisCommandClient;
  /** A key prefix unique to this test run, so parallel test files never share keys. */
  readonly prefix: string;
  close(): Promise<void>;
}

export async function connectTestRedis(): Promise<TestRedis> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  return {
    client: { sendCommand: (args) => client.sendCommand(args) },
    prefix: `liter-llm-test:${process.pid}:${Math.random().toString(36).slice(2)}:`,
    close: async () => {
      await client.quit();
    },
  };
}
