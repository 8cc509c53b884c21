import { ConfigurationError } from '../../errors/error-classes.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { normalizeStoreGuardOptions, type NormalizedStoreGuardOptions, type StoreGuardOptions } from '../normalize-store-guard-options.js';

/** Requests and tokens per minute; leave one out for no limit of that kind. */
export interface RateLimitRule {
  readonly rpm?: number | undefined;
  readonly tpm?: number | undefined;
}

export interface RateLimitOptions extends RateLimitRule, StoreGuardOptions {
  /** `wait` (default) queues a call until there is room, first come first served per model; `reject` throws `RateLimitedError`. */
  readonly mode?: 'wait' | 'reject' | undefined;
  /** Longest a call waits in `wait` mode before it is rejected (default 60000). */
  readonly maxWaitMs?: number | undefined;
  /**
   * Limits of one model, by its `provider/model` string; each field replaces the top-level one
   * (`Infinity` lifts it).
   */
  readonly perModel?: Readonly<Record<string, RateLimitRule>> | undefined;
  /** A limit shared by all models of a provider, checked in addition to the model's. */
  readonly perProvider?: Readonly<Record<string, RateLimitRule>> | undefined;
  /** Output tokens assumed for a request that sets no maximum (default 1024). */
  readonly completionTokens?: number | undefined;
  /** Where the windows live (default: in memory, this process only). */
  readonly store?: RateLimitStore | undefined;
}

export interface NormalizedRateLimitRule {
  readonly rpm: number | undefined;
  readonly tpm: number | undefined;
}

export interface NormalizedRateLimitOptions extends NormalizedStoreGuardOptions {
  /** The limit each model gets unless `perModel` names it. */
  readonly model: NormalizedRateLimitRule;
  readonly mode: 'wait' | 'reject';
  readonly maxWaitMs: number;
  readonly perModel: ReadonlyMap<string, NormalizedRateLimitRule>;
  readonly perProvider: ReadonlyMap<string, NormalizedRateLimitRule>;
  readonly completionTokens: number;
  readonly store: RateLimitStore | undefined;
}

export const RATE_LIMIT_DEFAULTS = { mode: 'wait', maxWaitMs: 60_000, completionTokens: 1024 } as const;

const KNOWN = new Set(['rpm', 'tpm', 'mode', 'maxWaitMs', 'perModel', 'perProvider', 'completionTokens', 'store', 'storeTimeoutMs', 'onStoreError']);

/** Checks `rateLimit` options; a limiter without any number is a mistake, so `true` is rejected. */
export function normalizeRateLimitOptions(options: RateLimitOptions | boolean): NormalizedRateLimitOptions {
  if (options === true) {
    throw new ConfigurationError('rateLimit: true has no limits to apply; pass { rpm } and/or { tpm }, per model or per provider');
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigurationError(`rateLimit must be an object with rpm or tpm, got ${JSON.stringify(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new ConfigurationError(`rateLimit.${key} is not a rateLimit option`);
  }
  const normalized: NormalizedRateLimitOptions = {
    model: parseRule('rateLimit', options),
    mode: parseMode(options.mode),
    maxWaitMs: parseNonNegative('rateLimit.maxWaitMs', options.maxWaitMs, RATE_LIMIT_DEFAULTS.maxWaitMs),
    perModel: parseRules('rateLimit.perModel', options.perModel, true),
    perProvider: parseRules('rateLimit.perProvider', options.perProvider, false),
    completionTokens: Math.ceil(parseNonNegative('rateLimit.completionTokens', options.completionTokens, RATE_LIMIT_DEFAULTS.completionTokens)),
    store: parseStore(options.store),
    ...normalizeStoreGuardOptions('rateLimit', options, 'open'),
  };
  const rules = [normalized.model, ...normalized.perModel.values(), ...normalized.perProvider.values()];
  if (!rules.some((rule) => isFinite(rule.rpm) || isFinite(rule.tpm))) {
    throw new ConfigurationError('rateLimit needs rpm or tpm: at the top level, in perModel or in perProvider');
  }
  return normalized;
}

function isFinite(value: number | undefined): boolean {
  return value !== undefined && Number.isFinite(value);
}

function parseRule(path: string, value: unknown): NormalizedRateLimitRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError(`${path} must be an object like { rpm, tpm }, got ${JSON.stringify(value)}`);
  }
  const rule = value as Record<string, unknown>;
  return { rpm: parseLimit(`${path}.rpm`, rule.rpm), tpm: parseLimit(`${path}.tpm`, rule.tpm) };
}

function parseRules(path: string, value: unknown, isModel: boolean): ReadonlyMap<string, NormalizedRateLimitRule> {
  const rules = new Map<string, NormalizedRateLimitRule>();
  if (value === undefined) return rules;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError(`${path} must be an object keyed by ${isModel ? 'provider/model strings' : 'provider ids'}`);
  }
  for (const [key, rule] of Object.entries(value)) {
    if (isModel && !/^[^/]+\/.+/.test(key)) {
      throw new ConfigurationError(`${path} key "${key}" must be a provider/model string such as "groq/llama-3.3-70b-versatile"`);
    }
    if (!isModel && (key === '' || key.includes('/'))) throw new ConfigurationError(`${path} key "${key}" must be a provider id such as "groq"`);
    const rulePath = `${path}["${key}"]`;
    if (typeof rule === 'object' && rule !== null) {
      for (const field of Object.keys(rule)) {
        if (field !== 'rpm' && field !== 'tpm') throw new ConfigurationError(`${rulePath}.${field} is not a limit; use rpm or tpm`);
      }
    }
    rules.set(key, parseRule(rulePath, rule));
  }
  return rules;
}

function parseLimit(path: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 1) {
    throw new ConfigurationError(`${path} must be a number of at least 1 (Infinity for no limit), got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseNonNegative(path: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(`${path} must be a non-negative number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseMode(value: unknown): 'wait' | 'reject' {
  if (value === undefined) return RATE_LIMIT_DEFAULTS.mode;
  if (value === 'wait' || value === 'reject') return value;
  throw new ConfigurationError(`rateLimit.mode must be "wait" or "reject", got ${JSON.stringify(value)}`);
}

function parseStore(value: unknown): RateLimitStore | undefined {
  if (value === undefined) return undefined;
  const store = value as Partial<RateLimitStore> | null;
  if (typeof store !== 'object' || store === null || typeof store.acquire !== 'function' || typeof store.reconcile !== 'function') {
    throw new ConfigurationError('rateLimit.store must be a RateLimitStore (acquire and reconcile methods)');
  }
  return store as RateLimitStore;
}
