import type { RedisCommandClient } from '../../stores/redis-command-client.js';
import type { BudgetStore } from './budget-store.js';

// Each scope is two keys: a hash (`spent`, `reserved`, and `lease:<id>` = what lease <id> holds)
// and a sorted set of lease ids by expiry (server time, ms). `reserved` is the sum of the live
// leases; every script first purges the leases past their expiry. KEYS come in pairs: hash, leases.
const PRELUDE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function purge(hash, leases)
  local expired = redis.call('ZRANGEBYSCORE', leases, '-inf', now)
  for _, id in ipairs(expired) do
    local held = redis.call('HGET', hash, 'lease:' .. id)
    if held then
      if tonumber(held) > 0 then redis.call('HINCRBY', hash, 'reserved', '-' .. held) end
      redis.call('HDEL', hash, 'lease:' .. id)
    end
    redis.call('ZREM', leases, id)
  end
  if #expired > 0 and tonumber(redis.call('HGET', hash, 'reserved') or '0') < 0 then redis.call('HSET', hash, 'reserved', 0) end
end
local function keep(hash, leases, ttl)
  if ttl > 0 then
    redis.call('PEXPIRE', hash, ttl)
    redis.call('PEXPIRE', leases, ttl)
  end
end
`;

// ARGV: amount, ttl ms (0 = none), force (1/0), lease id, lease ms, then one limit per scope.
// Checks every limit first, then reserves on every scope: all or nothing, in one atomic script.
const RESERVE_SCRIPT = `${PRELUDE}
local amount = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local id, expiry = ARGV[4], now + tonumber(ARGV[5])
local blocked, blockedSpent, blockedReserved = 0, 0, 0
for i = 1, #KEYS / 2 do
  local hash, leases = KEYS[2 * i - 1], KEYS[2 * i]
  purge(hash, leases)
  local limit = tonumber(ARGV[5 + i])
  local spent = tonumber(redis.call('HGET', hash, 'spent') or '0')
  local reserved = tonumber(redis.call('HGET', hash, 'reserved') or '0')
  if blocked == 0 and (spent >= limit or spent + reserved + amount > limit) then
    blocked, blockedSpent, blockedReserved = i, spent, reserved
  end
end
if blocked > 0 and ARGV[3] ~= '1' then
  return {0, blocked, tostring(blockedSpent), tostring(blockedReserved)}
end
for i = 1, #KEYS / 2 do
  local hash, leases = KEYS[2 * i - 1], KEYS[2 * i]
  redis.call('HINCRBY', hash, 'reserved', ARGV[1])
  redis.call('HINCRBY', hash, 'lease:' .. id, ARGV[1])
  local current = tonumber(redis.call('ZSCORE', leases, id) or '0')
  if current < expiry then redis.call('ZADD', leases, expiry, id) end
  keep(hash, leases, ttl)
end
return {1, blocked, tostring(blockedSpent), tostring(blockedReserved)}
`;

// ARGV: lease id, spent to add, ttl ms (0 = none).
const SETTLE_SCRIPT = `${PRELUDE}
local id, ttl = ARGV[1], tonumber(ARGV[3])
local totals = {}
for i = 1, #KEYS / 2 do
  local hash, leases = KEYS[2 * i - 1], KEYS[2 * i]
  purge(hash, leases)
  local held = redis.call('HGET', hash, 'lease:' .. id)
  if held then
    -- A lease of nothing (a free model, a check-only reservation) holds "0", and Redis refuses "-0" as an integer.
    if tonumber(held) > 0 then
      local reserved = redis.call('HINCRBY', hash, 'reserved', '-' .. held)
      if reserved < 0 then redis.call('HSET', hash, 'reserved', 0) end
    end
    redis.call('HDEL', hash, 'lease:' .. id)
  end
  redis.call('ZREM', leases, id)
  totals[i] = tostring(redis.call('HINCRBY', hash, 'spent', ARGV[2]))
  keep(hash, leases, ttl)
end
return totals
`;

// ARGV: lease id, lease ms. Only a lease still held moves.
const EXTEND_SCRIPT = `${PRELUDE}
local id, expiry = ARGV[1], now + tonumber(ARGV[2])
for i = 1, #KEYS / 2 do
  local current = redis.call('ZSCORE', KEYS[2 * i], id)
  if current and tonumber(current) < expiry then redis.call('ZADD', KEYS[2 * i], 'XX', expiry, id) end
end
return 1
`;

const READ_SCRIPT = `${PRELUDE}
purge(KEYS[1], KEYS[2])
return redis.call('HMGET', KEYS[1], 'spent', 'reserved')
`;

export interface RedisBudgetStoreOptions {
  /** Key prefix (default `liter-llm:budget:`). Processes sharing a budget use the same prefix. */
  readonly prefix?: string;
}

/**
 * Budgets shared by every process that uses the same Redis and prefix. Reservations and
 * settlements are Lua scripts, so concurrent processes can never both take the last dollar; each
 * reservation is a lease on Redis server time, so one of a process that died mid-call frees itself.
 * On Redis Cluster a call's scope keys must hash to one slot: put a `{hash tag}` in the prefix.
 *
 * @example
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect(); // node-redis
 * createBudgetMiddleware({ limitUsd: 100, periodMs: 86_400_000, mode: 'hard', store: createRedisBudgetStore(redis) });
 */
export function createRedisBudgetStore(client: RedisCommandClient, options: RedisBudgetStoreOptions = {}): BudgetStore {
  const prefix = options.prefix ?? 'liter-llm:budget:';
  const integer = (value: number): string => String(Math.max(0, Math.round(value)));
  const keysOf = (keys: readonly string[]): string[] => keys.flatMap((key) => [prefix + key, `${prefix}${key}:leases`]);
  const run = (script: string, keys: readonly string[], args: readonly string[]): Promise<unknown> =>
    client.sendCommand(['EVAL', script, String(keys.length * 2), ...keysOf(keys), ...args]);
  return {
    async reserve({ scopes, amount, lease, force, ttlMs }) {
      const args = [integer(amount), integer(ttlMs ?? 0), force ? '1' : '0', lease.id, integer(lease.ms), ...scopes.map((scope) => integer(scope.limit))];
      const reply = (await run(RESERVE_SCRIPT, scopes.map((scope) => scope.key), args)) as unknown[];
      const blocked = Number(reply[1]);
      return {
        admitted: Number(reply[0]) === 1,
        exceeded: blocked === 0 ? undefined : { index: blocked - 1, spent: Number(reply[2]), reserved: Number(reply[3]) },
      };
    },
    async settle(keys, leaseId, spent, ttlMs) {
      const reply = (await run(SETTLE_SCRIPT, keys, [leaseId, integer(spent), integer(ttlMs ?? 0)])) as unknown[];
      return reply.map(Number);
    },
    async extend(keys, leaseId, leaseMs) {
      await run(EXTEND_SCRIPT, keys, [leaseId, integer(leaseMs)]);
    },
    async read(key) {
      const reply = (await run(READ_SCRIPT, [key], [])) as Array<string | null>;
      return { spent: Number(reply[0] ?? 0), reserved: Number(reply[1] ?? 0) };
    },
  };
}
