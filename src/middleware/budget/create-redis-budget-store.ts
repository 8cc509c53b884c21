import type { RedisCommandClient } from '../../stores/redis-command-client.js';
import type { BudgetStore } from './budget-store.js';

// KEYS: scope hashes. ARGV: amount, ttl ms (0 = none), force (1/0), then one limit per key.
// Checks every limit first, then reserves on every key: all or nothing, in one atomic script.
const RESERVE_SCRIPT = `
local amount = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local blocked, blockedSpent, blockedReserved = 0, 0, 0
for i = 1, #KEYS do
  local limit = tonumber(ARGV[3 + i])
  local spent = tonumber(redis.call('HGET', KEYS[i], 'spent') or '0')
  local reserved = tonumber(redis.call('HGET', KEYS[i], 'reserved') or '0')
  if blocked == 0 and (spent >= limit or spent + reserved + amount > limit) then
    blocked, blockedSpent, blockedReserved = i, spent, reserved
  end
end
if blocked > 0 and ARGV[3] ~= '1' then
  return {0, blocked, tostring(blockedSpent), tostring(blockedReserved)}
end
for i = 1, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'reserved', ARGV[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return {1, blocked, tostring(blockedSpent), tostring(blockedReserved)}
`;

// KEYS: scope hashes. ARGV: reserved to release, spent to add, ttl ms (0 = none).
const SETTLE_SCRIPT = `
local ttl = tonumber(ARGV[3])
local totals = {}
for i = 1, #KEYS do
  local reserved = redis.call('HINCRBY', KEYS[i], 'reserved', '-' .. ARGV[1])
  if reserved < 0 then redis.call('HSET', KEYS[i], 'reserved', 0) end
  totals[i] = tostring(redis.call('HINCRBY', KEYS[i], 'spent', ARGV[2]))
  if ttl > 0 then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return totals
`;

export interface RedisBudgetStoreOptions {
  /** Key prefix (default `liter-llm:budget:`). Processes sharing a budget use the same prefix. */
  readonly prefix?: string;
}

/**
 * Budgets shared by every process that uses the same Redis and prefix. Reservations and
 * settlements are Lua scripts, so concurrent processes can never both take the last dollar.
 * On Redis Cluster a call's scope keys must hash to one slot: put a `{hash tag}` in the prefix.
 *
 * @example
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect(); // node-redis
 * createBudgetMiddleware({ limitUsd: 100, periodMs: 86_400_000, mode: 'hard', store: createRedisBudgetStore(redis) });
 */
export function createRedisBudgetStore(client: RedisCommandClient, options: RedisBudgetStoreOptions = {}): BudgetStore {
  const prefix = options.prefix ?? 'liter-llm:budget:';
  const integer = (value: number): string => String(Math.max(0, Math.round(value)));
  return {
    async reserve({ scopes, amount, force, ttlMs }) {
      const keys = scopes.map((scope) => prefix + scope.key);
      const args = [integer(amount), integer(ttlMs ?? 0), force ? '1' : '0', ...scopes.map((scope) => integer(scope.limit))];
      const reply = (await client.sendCommand(['EVAL', RESERVE_SCRIPT, String(keys.length), ...keys, ...args])) as unknown[];
      const blocked = Number(reply[1]);
      return {
        admitted: Number(reply[0]) === 1,
        exceeded: blocked === 0 ? undefined : { index: blocked - 1, spent: Number(reply[2]), reserved: Number(reply[3]) },
      };
    },
    async settle(keys, reserved, spent, ttlMs) {
      const full = keys.map((key) => prefix + key);
      const reply = (await client.sendCommand(['EVAL', SETTLE_SCRIPT, String(full.length), ...full, integer(reserved), integer(spent), integer(ttlMs ?? 0)])) as unknown[];
      return reply.map(Number);
    },
    async read(key) {
      const reply = (await client.sendCommand(['HMGET', prefix + key, 'spent', 'reserved'])) as Array<string | null>;
      return { spent: Number(reply[0] ?? 0), reserved: Number(reply[1] ?? 0) };
    },
  };
}
