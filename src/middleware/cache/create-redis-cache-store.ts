import type { RedisCommandClient } from '../../stores/redis-command-client.js';
import type { CacheStore } from './cache-store.js';

export interface RedisCacheStoreOptions {
  /** Prepended to every key, so several applications or environments can share one server. */
  readonly prefix?: string;
}

export const DEFAULT_REDIS_CACHE_PREFIX = 'liter-llm:cache:';

/**
 * A cache store shared by every process that points at the same Redis: values are JSON strings,
 * each written with one `SET key value PX ttl` (atomic, expiry included), read with `GET`.
 * Eviction beyond memory is Redis's own policy (`maxmemory-policy allkeys-lru` gives an LRU), so
 * `maxEntries` does not apply here.
 *
 * @example
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect(); // node-redis
 * const client = createLiterClient({ cache: { store: createRedisCacheStore(redis, { prefix: 'app:' }) } });
 */
export function createRedisCacheStore(client: RedisCommandClient, options: RedisCacheStoreOptions = {}): CacheStore {
  const prefix = options.prefix ?? DEFAULT_REDIS_CACHE_PREFIX;
  return {
    async get(key) {
      const text = await client.sendCommand(['GET', prefix + key]);
      if (text === null || text === undefined) return undefined;
      return JSON.parse(typeof text === 'string' ? text : String(text)) as unknown;
    },
    async set(key, value, ttlMs) {
      const milliseconds = Math.max(1, Math.ceil(ttlMs));
      await client.sendCommand(['SET', prefix + key, JSON.stringify(value), 'PX', String(milliseconds)]);
    },
    async delete(key) {
      await client.sendCommand(['DEL', prefix + key]);
    },
  };
}
