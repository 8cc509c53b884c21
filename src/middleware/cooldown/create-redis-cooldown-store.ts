import type { RedisCommandClient } from '../../stores/redis-command-client.js';
import type { CooldownStore } from './cooldown-store.js';

/**
 * KEYS: failures (a sorted set of failure ids by server time), cooling (a key that exists while
 * the deployment cools). ARGV: windowMs, failures, durationMs, id. Returns the cooldown left now.
 */
const RECORD_FAILURE_SCRIPT = `
local cooling = redis.call('PTTL', KEYS[2])
if cooling > 0 then return cooling end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[4])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return tonumber(ARGV[3])
end
redis.call('PEXPIRE', KEYS[1], window)
return 0
`;

export interface RedisCooldownStoreOptions {
  /** Prefix of every Redis key this store writes; default `liter-llm:cooldown:`. */
  readonly prefix?: string;
}

/**
 * A cooldown store shared by every process that uses the same Redis and prefix: a failure is
 * counted and the cooldown started in one Lua script timed by the server's clock; a cooldown is a
 * key that expires when it ends, so checking it is one `PTTL`. On Redis Cluster give the keys one
 * hash slot with a prefix such as `{llm}:`.
 *
 * @example
 * const redis = await createRedisClient({ url: process.env.REDIS_URL }).connect();
 * const client = createClient({
 *   middleware: [createCooldownMiddleware({ store: createRedisCooldownStore(redis, { prefix: 'myapp:cooldown:' }) })],
 * });
 */
export function createRedisCooldownStore(client: RedisCommandClient, options: RedisCooldownStoreOptions = {}): CooldownStore {
  const prefix = options.prefix ?? 'liter-llm:cooldown:';
  const failuresKey = (deployment: string): string => `${prefix}${deployment}:failures`;
  const coolingKey = (deployment: string): string => `${prefix}${deployment}:cooling`;

  return {
    async remaining(deployment) {
      const left = Number(await client.sendCommand(['PTTL', coolingKey(deployment)]));
      return left > 0 ? left : 0;
    },
    async recordFailure(deployment, id, { failures, windowMs, durationMs }) {
      const reply = await client.sendCommand([
        'EVAL',
        RECORD_FAILURE_SCRIPT,
        '2',
        failuresKey(deployment),
        coolingKey(deployment),
        String(windowMs),
        String(failures),
        String(durationMs),
        id,
      ]);
      return Number(reply);
    },
    async recordSuccess(deployment) {
      await client.sendCommand(['DEL', failuresKey(deployment)]);
    },
  };
}
