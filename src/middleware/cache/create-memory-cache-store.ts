import { ConfigurationError } from '../../errors/error-classes.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import { createInMemoryStore } from '../in-memory-store.js';
import type { CacheStore } from './cache-store.js';
import { CACHE_DEFAULTS } from './normalize-cache-options.js';

export interface MemoryCacheStoreOptions {
  /** Most entries kept; the least recently used one is evicted first. Default 256. */
  readonly maxEntries?: number;
  /** Most bytes kept over all entries (each counted as its JSON text in UTF-8). Default 67108864 (64 MiB). */
  readonly maxBytes?: number;
  /** Largest entry stored, in bytes; a bigger answer is not cached. Default 4194304 (4 MiB). */
  readonly maxEntryBytes?: number;
  readonly clock?: Clock;
}

/** The byte bounds of `createMemoryCacheStore` when not given. */
export const MEMORY_CACHE_DEFAULTS = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024 } as const;

interface MemoryEntry {
  readonly value: unknown;
  readonly expiresAt: number;
  readonly bytes: number;
}

/**
 * An in-process LRU with a time to live per entry, bounded by entries and by bytes: reads refresh an
 * entry's recency, expired entries are dropped when read, an entry above `maxEntryBytes` is not
 * stored, and a write beyond `maxEntries` or `maxBytes` evicts the least recently used entries.
 * A `Map` keeps insertion order, so re-inserting on read keeps the oldest entry first. An entry's
 * size is its JSON text in UTF-8, measured once when it is written.
 *
 * @example
 * const store = createMemoryCacheStore({ maxEntries: 1000, maxBytes: 16 * 1024 * 1024 });
 * const client = createClient({ cache: { store, ttlMs: 60_000 } });
 */
export function createMemoryCacheStore(options: MemoryCacheStoreOptions = {}): CacheStore {
  const maxEntries = parseBound('maxEntries', options.maxEntries, CACHE_DEFAULTS.maxEntries);
  const maxBytes = parseBound('maxBytes', options.maxBytes, MEMORY_CACHE_DEFAULTS.maxBytes);
  const maxEntryBytes = Math.min(maxBytes, parseBound('maxEntryBytes', options.maxEntryBytes, MEMORY_CACHE_DEFAULTS.maxEntryBytes));
  const clock = options.clock ?? systemClock;
  const entries = new Map<string, MemoryEntry>();
  let totalBytes = 0;

  const remove = (key: string): MemoryEntry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    entries.delete(key);
    totalBytes -= entry.bytes;
    return entry;
  };

  return createInMemoryStore<CacheStore>({
    get(key) {
      const entry = remove(key);
      if (entry === undefined || entry.expiresAt <= clock.now()) return undefined;
      entries.set(key, entry);
      totalBytes += entry.bytes;
      return entry.value;
    },
    set(key, value, ttlMs) {
      remove(key);
      const bytes = measureUtf8Bytes(JSON.stringify(value) ?? '');
      if (bytes > maxEntryBytes) return;
      entries.set(key, { value, expiresAt: clock.now() + ttlMs, bytes });
      totalBytes += bytes;
      while (entries.size > maxEntries || totalBytes > maxBytes) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        remove(oldest.value);
      }
    },
    delete(key) {
      remove(key);
    },
  });
}

function parseBound(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) <= 0) {
    throw new ConfigurationError(`createMemoryCacheStore: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value as number;
}

/** The UTF-8 length of `text` without encoding it. */
function measureUtf8Bytes(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      // A surrogate pair: two code units, four bytes.
      bytes += 2;
      index += 1;
    } else bytes += 2;
  }
  return bytes;
}
