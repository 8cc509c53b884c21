import type { RedisCommandClient } from '../../stores/redis-command-client.js';
import { ACQUIRE_SCRIPT, RECONCILE_SCRIPT } from './redis-rate-limit-scripts.js';
import type { RateLimitStore } from './rate-limit-store.js';

export interface RedisRateLimitStoreOptions {
  /** Prefix of every Redis key this store writes; default `liter-llm:rate-limit:`. */
  readonly prefix?: string;
}

/**
 * A rate-limit store shared by every process that uses the same Redis and prefix. Each acquire is
 * one Lua script (check every key, then take room on all of them), timed by the Redis server's
 * clock, so processes with skewed clocks agree on the window. Keys expire a second after their
 * window empties. All keys of one call are touched by one script, so on Redis Cluster give them
 * one hash slot with a prefix such as `{llm}:`.
 *
 * @example
 * import { createClient as createRedisClient } from 'redis';
 * const redis = await createRedisClient({ url: process.env.REDIS_URL }).connect();
 * const store = createRedisRateLimitStore(redis, { prefix: 'myapp:rate-limit:' });
 * const client = createClient({ middleware: [createRateLimitMiddleware({ rpm: 500, tpm: 200_000, store })] });
 */
export function createRedisRateLimitStore(client: RedisCommandClient, options: RedisRateLimitStoreOptions = {}): RateLimitStore {
  const prefix = options.prefix ?? 'liter-llm:rate-limit:';
  const redisKeys = (key: string): string[] => [`${prefix}${key}:log`, `${prefix}${key}:sum`];
  const limit = (value: number | undefined): string => (value === undefined || value === Infinity ? '-1' : String(value));

  return {
    async acquire({ id, windowMs, requests, keys }) {
      if (keys.length === 0) return { admitted: true };
      const args = [String(windowMs), id, String(requests)];
      for (const key of keys) args.push(limit(key.rpm), limit(key.tpm), String(key.tokens));
      const reply = await client.sendCommand(['EVAL', ACQUIRE_SCRIPT, String(keys.length * 2), ...keys.flatMap((key) => redisKeys(key.key)), ...args]);
      const [admitted, retryAfterMs, index] = parseReply(reply);
      if (admitted === 1) return { admitted: true };
      return { admitted: false, retryAfterMs, key: keys[index - 1]?.key ?? '' };
    },

    async reconcile({ id, windowMs, keys }) {
      if (keys.length === 0) return;
      const args = [String(windowMs), id];
      for (const { from, to } of keys) args.push(String(from.requests), String(from.tokens), String(to.requests), String(to.tokens));
      await client.sendCommand(['EVAL', RECONCILE_SCRIPT, String(keys.length * 2), ...keys.flatMap((key) => redisKeys(key.key)), ...args]);
    },
  };
}

function parseReply(reply: unknown): [number, number, number] {
  if (!Array.isArray(reply) || reply.length !== 3) throw new TypeError(`unexpected reply from the rate-limit script: ${JSON.stringify(reply)}`);
  return reply.map((value) => Number(value)) as [number, number, number];
}
