import { createClient as createRedisClient } from 'redis';
import {
  createMemoryBudgetStore,
  createMemoryRateLimitStore,
  createRedisBudgetStore,
  createRedisCacheStore,
  createRedisCooldownStore,
  createRedisRateLimitStore,
  type BudgetStore,
  type ClientOptions,
  type RateLimitStore,
  type RedisCommandClient,
} from '../../src/index.js';
import { createKeyDirectory, createMemoryKeyBackend, createRedisKeyBackend, type KeyDirectory } from './key-directory.js';

/** Where the gateway keeps what replicas share: memory for one process, Redis for several. */
export interface GatewayStores {
  readonly rateLimit: RateLimitStore;
  readonly budget: BudgetStore;
  readonly keys: KeyDirectory;
  /** The SDK's own layers (cache, cooldown, rate limit, budget) on the same store, where they have none. */
  withSharedStores(options: ClientOptions): ClientOptions;
  /** Answers whether the store is reachable (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function createMemoryGatewayStores(): GatewayStores {
  return {
    rateLimit: createMemoryRateLimitStore(),
    budget: createMemoryBudgetStore(),
    keys: createKeyDirectory(createMemoryKeyBackend()),
    withSharedStores: (options) => options,
    ping: async () => true,
    close: async () => {},
  };
}

/** Connects to `url`; every replica given the same URL shares limits, budgets, keys, cache and cooldowns. */
export async function connectRedisGatewayStores(url: string): Promise<GatewayStores> {
  const redis = createRedisClient({ url });
  // node-redis reports a dropped connection here and reconnects by itself; the stores' guards bound every wait.
  redis.on('error', () => {});
  await redis.connect();
  const commands: RedisCommandClient = { sendCommand: (args) => redis.sendCommand(args) };
  const prefix = { prefix: 'liter-llm:gateway:' };
  const layer = <T>(value: T | undefined, store: object): T | undefined => {
    if (value === undefined || value === false) return value;
    if (value === true) return { store } as T;
    return (value as { store?: unknown }).store === undefined ? ({ ...value, store } as T) : value;
  };
  return {
    rateLimit: createRedisRateLimitStore(commands, prefix),
    budget: createRedisBudgetStore(commands, prefix),
    keys: createKeyDirectory(createRedisKeyBackend(commands)),
    withSharedStores(options) {
      const shared = { prefix: 'liter-llm:sdk:' };
      return {
        ...options,
        cache: layer(options.cache, createRedisCacheStore(commands, shared)),
        cooldown: layer(options.cooldown, createRedisCooldownStore(commands, shared)),
        rateLimit: layer(options.rateLimit, createRedisRateLimitStore(commands, shared)),
        budget: layer(options.budget, createRedisBudgetStore(commands, shared)),
      } as ClientOptions;
    },
    async ping() {
      // node-redis queues commands while it reconnects: a readiness probe must not wait for that.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 1_000)));
      try {
        return await Promise.race([redis.ping().then((answer) => answer === 'PONG'), late]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      redis.destroy();
    },
  };
}
