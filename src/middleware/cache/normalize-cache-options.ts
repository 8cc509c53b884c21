import { ConfigurationError } from '../../errors/error-classes.js';
import type { CacheScope } from '../../routing/resolved-provider.js';
import type { CacheStore } from './cache-store.js';
import { normalizeStoreGuardOptions, STORE_TIMEOUT_MS, type NormalizedStoreGuardOptions, type StoreGuardOptions } from '../normalize-store-guard-options.js';

/** The `cache` option: `true` for the defaults, or any of these fields. */
export interface CacheOptions extends StoreGuardOptions {
  /** Entries the built-in in-memory LRU keeps (256). Size a custom `store` yourself instead. */
  readonly maxEntries?: number;
  /** How long an entry is served, in milliseconds (300 000: five minutes). */
  readonly ttlMs?: number;
  /** Where entries live: the in-memory LRU unless given (`createRedisCacheStore` shares them across processes). */
  readonly store?: CacheStore;
  /** Also cache `chatStream` calls, stored assembled and replayed as chunks (false: streams bypass the cache). */
  readonly streams?: boolean;
  /**
   * `credential` (the default): an entry serves only calls with the same provider, base URL,
   * credentials and headers. `shared`: any credentials share entries (still per provider and base URL).
   */
  readonly scope?: CacheScope;
}

export interface NormalizedCacheOptions extends NormalizedStoreGuardOptions {
  readonly maxEntries: number;
  readonly ttlMs: number;
  /** Undefined: the layer builds the in-memory LRU with `maxEntries`. */
  readonly store: CacheStore | undefined;
  readonly streams: boolean;
  readonly scope: CacheScope;
}

export const CACHE_DEFAULTS = { maxEntries: 256, ttlMs: 300_000, streams: false, scope: 'credential', storeTimeoutMs: STORE_TIMEOUT_MS, onStoreError: 'open' } as const;

const KNOWN_FIELDS = new Set(['maxEntries', 'ttlMs', 'store', 'streams', 'scope', 'storeTimeoutMs', 'onStoreError']);

/** Fills the defaults; a bad value throws a `ConfigurationError` naming the field. */
export function normalizeCacheOptions(options: unknown): NormalizedCacheOptions {
  if (options === true) return { ...CACHE_DEFAULTS, store: undefined };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('cache must be true or an object { maxEntries?, ttlMs?, store?, streams?, scope?, storeTimeoutMs?, onStoreError? }');
  }
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_FIELDS.has(key)) throw new ConfigurationError(`cache.${key} is not a cache option (expected maxEntries, ttlMs, store, streams, scope, storeTimeoutMs or onStoreError)`);
  }
  const { maxEntries, ttlMs, store, streams, scope } = record;
  if (maxEntries !== undefined && !(Number.isSafeInteger(maxEntries) && (maxEntries as number) > 0)) {
    throw new ConfigurationError(`cache.maxEntries must be a positive integer, got ${describe(maxEntries)}`);
  }
  if (ttlMs !== undefined && !(typeof ttlMs === 'number' && Number.isFinite(ttlMs) && ttlMs > 0)) {
    throw new ConfigurationError(`cache.ttlMs must be a positive number of milliseconds, got ${describe(ttlMs)}`);
  }
  if (streams !== undefined && typeof streams !== 'boolean') {
    throw new ConfigurationError(`cache.streams must be a boolean, got ${describe(streams)}`);
  }
  if (scope !== undefined && scope !== 'credential' && scope !== 'shared') {
    throw new ConfigurationError(`cache.scope must be 'credential' or 'shared', got ${describe(scope)}`);
  }
  if (store !== undefined) {
    const candidate = store as Partial<Record<keyof CacheStore, unknown>> | null;
    const missing = (['get', 'set', 'delete'] as const).find((method) => typeof candidate?.[method] !== 'function');
    if (typeof store !== 'object' || missing !== undefined) {
      throw new ConfigurationError(`cache.store must be a CacheStore with get, set and delete methods${missing === undefined ? '' : ` (${missing} is missing)`}`);
    }
    if (maxEntries !== undefined) {
      throw new ConfigurationError('cache.maxEntries sizes the built-in in-memory store only; leave it out when you pass cache.store');
    }
  }
  return {
    maxEntries: (maxEntries as number | undefined) ?? CACHE_DEFAULTS.maxEntries,
    ttlMs: (ttlMs as number | undefined) ?? CACHE_DEFAULTS.ttlMs,
    store: store as CacheStore | undefined,
    streams: (streams as boolean | undefined) ?? CACHE_DEFAULTS.streams,
    scope: (scope as CacheScope | undefined) ?? CACHE_DEFAULTS.scope,
    ...normalizeStoreGuardOptions('cache', record, CACHE_DEFAULTS.onStoreError),
  };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
