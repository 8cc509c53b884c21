import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/error-classes.js';
import { createMemoryCooldownStore } from '../../../src/middleware/cooldown/create-memory-cooldown-store.js';
import { normalizeCooldownOptions, type CooldownOptions } from '../../../src/middleware/cooldown/normalize-cooldown-options.js';

function failure(options: unknown): string {
  try {
    normalizeCooldownOptions(options as CooldownOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('normalizeCooldownOptions', () => {
  it('gives true and {} the defaults: 3 failures within 60 s cool for 60 s', () => {
    const defaults = { failures: 3, windowMs: 60_000, durationMs: 60_000, store: undefined, storeTimeoutMs: 500, onStoreError: 'open' };
    expect(normalizeCooldownOptions(true)).toEqual(defaults);
    expect(normalizeCooldownOptions({})).toEqual(defaults);
  });

  it('keeps given values and store', () => {
    const store = createMemoryCooldownStore();
    expect(normalizeCooldownOptions({ failures: 1, windowMs: 10_000, durationMs: 5_000, store })).toEqual({
      failures: 1,
      windowMs: 10_000,
      durationMs: 5_000,
      store,
      storeTimeoutMs: 500,
      onStoreError: 'open',
    });
  });

  it('names the field of a bad value', () => {
    expect(failure(false)).toContain('cooldown must be true or an object');
    expect(failure({ failures: 0 })).toContain('cooldown.failures must be a positive number');
    expect(failure({ failures: 2.5 })).toContain('cooldown.failures must be a whole number');
    expect(failure({ windowMs: -1 })).toContain('cooldown.windowMs');
    expect(failure({ durationMs: Infinity })).toContain('cooldown.durationMs');
    expect(failure({ store: { remaining: () => 0 } })).toContain('cooldown.store must be a CooldownStore');
    expect(failure({ duration: 5 })).toContain('cooldown.duration is not a cooldown option');
  });
});
