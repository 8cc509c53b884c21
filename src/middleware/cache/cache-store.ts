/**
 * Where the cache layer keeps its entries: a small async key-value interface with a per-entry
 * time to live, so an in-memory LRU (`createMemoryCacheStore`) and a shared Redis store
 * (`createRedisCacheStore`) are interchangeable. Values are JSON-compatible plain data; the cache
 * layer passes copies in and copies what it gets out, so a store may keep values by reference.
 */
export interface CacheStore {
  /** The value stored under `key`, or undefined when it is missing or has expired. */
  get(key: string): Promise<unknown>;
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing any earlier value. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}
