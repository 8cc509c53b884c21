import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/error-classes.js';
import { createMemoryCacheStore } from '../../../src/middleware/cache/create-memory-cache-store.js';
import { normalizeCacheOptions } from '../../../src/middleware/cache/normalize-cache-options.js';

describe('normalizeCacheOptions', () => {
  it('fills the defaults for true and for an empty object', () => {
    const defaults = { maxEntries: 256, ttlMs: 300_000, store: undefined, streams: false, scope: 'credential', storeTimeoutMs: 500, onStoreError: 'open' };
    expect(normalizeCacheOptions(true)).toEqual(defaults);
    expect(normalizeCacheOptions({})).toEqual(defaults);
  });

  it('keeps given values', () => {
    const store = createMemoryCacheStore({ maxEntries: 3 });
    expect(normalizeCacheOptions({ ttlMs: 5, streams: true, store, scope: 'shared', storeTimeoutMs: 50, onStoreError: 'closed' })).toEqual({
      maxEntries: 256,
      ttlMs: 5,
      store,
      streams: true,
      scope: 'shared',
      storeTimeoutMs: 50,
      onStoreError: 'closed',
    });
  });

  it.each([
    [false, /^cache must be true or an object/],
    [{ scope: 'tenant' }, /cache\.scope must be 'credential' or 'shared', got "tenant"/],
    [{ maxEntries: 0 }, /cache\.maxEntries must be a positive integer, got 0/],
    [{ maxEntries: 1.5 }, /cache\.maxEntries/],
    [{ ttlMs: -1 }, /cache\.ttlMs must be a positive number/],
    [{ ttlMs: '10' }, /cache\.ttlMs .* got "10"/],
    [{ streams: 'yes' }, /cache\.streams must be a boolean/],
    [{ store: {} }, /cache\.store must be a CacheStore .*get is missing/],
    [{ store: createMemoryCacheStore({ maxEntries: 1 }), maxEntries: 5 }, /cache\.maxEntries sizes the built-in/],
    [{ ttl: 5 }, /cache\.ttl is not a cache option/],
  ])('rejects %j naming the field', (options, message) => {
    expect(() => normalizeCacheOptions(options)).toThrow(ConfigurationError);
    expect(() => normalizeCacheOptions(options)).toThrow(message);
  });
});
