import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/error-classes.js';
import { normalizeRateLimitOptions, type RateLimitOptions } from '../../../src/middleware/rate-limit/normalize-rate-limit-options.js';

function failure(options: unknown): string {
  try {
    normalizeRateLimitOptions(options as RateLimitOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('normalizeRateLimitOptions', () => {
  it('fills defaults and keeps the limits', () => {
    const normalized = normalizeRateLimitOptions({ rpm: 60, perModel: { 'groq/llama': { tpm: 1000 } }, perProvider: { groq: { rpm: 100 } } });
    expect(normalized).toMatchObject({ model: { rpm: 60, tpm: undefined }, mode: 'wait', maxWaitMs: 60_000, completionTokens: 1024, store: undefined });
    expect(normalized.perModel.get('groq/llama')).toEqual({ rpm: undefined, tpm: 1000 });
    expect(normalized.perProvider.get('groq')).toEqual({ rpm: 100, tpm: undefined });
  });

  it('accepts limits given only per provider, and Infinity to lift one', () => {
    expect(normalizeRateLimitOptions({ perProvider: { groq: { tpm: 5000 } } }).model).toEqual({ rpm: undefined, tpm: undefined });
    expect(normalizeRateLimitOptions({ rpm: 10, perModel: { 'a/b': { rpm: Infinity } } }).perModel.get('a/b')?.rpm).toBe(Infinity);
  });

  it('rejects a limiter without numbers, true included', () => {
    expect(failure(true)).toContain('rateLimit: true has no limits');
    expect(failure({})).toContain('rateLimit needs rpm or tpm');
    expect(failure({ mode: 'reject', perModel: { 'a/b': { rpm: Infinity } } })).toContain('needs rpm or tpm');
    expect(failure(false)).toContain('rateLimit must be an object');
  });

  it('names the field of a bad value', () => {
    expect(failure({ rpm: 0 })).toContain('rateLimit.rpm must be a number of at least 1');
    expect(failure({ tpm: '100' })).toContain('rateLimit.tpm');
    expect(failure({ rpm: 1, mode: 'queue' })).toContain('rateLimit.mode must be "wait" or "reject"');
    expect(failure({ rpm: 1, maxWaitMs: -1 })).toContain('rateLimit.maxWaitMs');
    expect(failure({ rpm: 1, completionTokens: Number.NaN })).toContain('rateLimit.completionTokens');
    expect(failure({ rpm: 1, perModel: { llama: { rpm: 1 } } })).toContain('rateLimit.perModel key "llama" must be a provider/model string');
    expect(failure({ rpm: 1, perModel: { 'groq/llama': { rpm: -5 } } })).toContain('rateLimit.perModel["groq/llama"].rpm');
    expect(failure({ rpm: 1, perModel: { 'groq/llama': { requests: 5 } } })).toContain('rateLimit.perModel["groq/llama"].requests is not a limit');
    expect(failure({ rpm: 1, perProvider: { 'groq/x': { rpm: 1 } } })).toContain('rateLimit.perProvider key "groq/x" must be a provider id');
    expect(failure({ rpm: 1, perProvider: { groq: 5 } })).toContain('rateLimit.perProvider["groq"] must be an object');
    expect(failure({ rpm: 1, store: {} })).toContain('rateLimit.store must be a RateLimitStore');
    expect(failure({ rpm: 1, windowMs: 1000 })).toContain('rateLimit.windowMs is not a rateLimit option');
  });
});
