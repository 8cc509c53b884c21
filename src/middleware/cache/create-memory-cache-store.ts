import { systemClock, type Clock } from '../../transport/clock.js';
import { createInMemoryStore } from '../in-memory-store.js';
import type { CacheStore } from './cache-store.js';

export interface MemoryCacheStoreOptions {
  /** Most entries kept; the least recently used one is evicted first. */
  readonly maxEntries: number;
  readonly clock?: Clock;
}

interface MemoryEntry {
  readonly value: unknown;
  readonly expiresAt: number;
}

/**
 * An in-process LRU with a time to live per entry: reads refresh an entry's recency, expired
 * entries are dropped when read, and a write beyond `maxEntries` evicts the least recently used.
 * A `Map` keeps insertion order, so re-inserting on read keeps the oldest entry first.
 *
 * @example
 * const store = createMemoryCacheStore({ maxEntries: 1000 });
 * const client = createClient({ cache: { store, ttlMs: 60_000 } });
 */
export function createMemoryCacheStore(options: MemoryCacheStoreOptions): CacheStore {
  const { maxEntries } = options;
  const clock = options.clock ?? systemClock;
  const entries = new Map<string, MemoryEntry>();

  return createInMemoryStore<CacheStore>({
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= clock.now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, ttlMs) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: clock.now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
  });

}
