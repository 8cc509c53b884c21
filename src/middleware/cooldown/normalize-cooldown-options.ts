import { ConfigurationError } from '../../errors/error-classes.js';
import type { CooldownPolicy, CooldownStore } from './cooldown-store.js';
import { normalizeStoreGuardOptions, STORE_TIMEOUT_MS, type NormalizedStoreGuardOptions, type StoreGuardOptions } from '../normalize-store-guard-options.js';

export interface CooldownOptions extends StoreGuardOptions {
  /** Failures within `windowMs` that cool a deployment (default 3). */
  readonly failures?: number | undefined;
  /** The sliding window failures are counted in (default 60000). */
  readonly windowMs?: number | undefined;
  /** How long a cooled deployment fails fast (default 60000). */
  readonly durationMs?: number | undefined;
  /** Where counts and cooldowns live (default: in memory, this process only). */
  readonly store?: CooldownStore | undefined;
}

export interface NormalizedCooldownOptions extends CooldownPolicy, NormalizedStoreGuardOptions {
  readonly store: CooldownStore | undefined;
}

export const COOLDOWN_DEFAULTS = { failures: 3, windowMs: 60_000, durationMs: 60_000 } as const;

const KNOWN = new Set(['failures', 'windowMs', 'durationMs', 'store', 'storeTimeoutMs', 'onStoreError']);

/** `true` for the defaults: 3 failures within 60 s cool a deployment for 60 s. */
export function normalizeCooldownOptions(options: CooldownOptions | boolean): NormalizedCooldownOptions {
  if (options === true) return { ...COOLDOWN_DEFAULTS, store: undefined, storeTimeoutMs: STORE_TIMEOUT_MS, onStoreError: 'open' };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigurationError(`cooldown must be true or an object, got ${JSON.stringify(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new ConfigurationError(`cooldown.${key} is not a cooldown option`);
  }
  const failures = parsePositive('cooldown.failures', options.failures, COOLDOWN_DEFAULTS.failures);
  if (!Number.isInteger(failures)) throw new ConfigurationError(`cooldown.failures must be a whole number, got ${failures}`);
  const store = options.store as Partial<CooldownStore> | undefined | null;
  if (
    store !== undefined &&
    (typeof store !== 'object' ||
      store === null ||
      typeof store.remaining !== 'function' ||
      typeof store.recordFailure !== 'function' ||
      typeof store.recordSuccess !== 'function')
  ) {
    throw new ConfigurationError('cooldown.store must be a CooldownStore (remaining, recordFailure and recordSuccess methods)');
  }
  return {
    failures,
    windowMs: Math.ceil(parsePositive('cooldown.windowMs', options.windowMs, COOLDOWN_DEFAULTS.windowMs)),
    durationMs: Math.ceil(parsePositive('cooldown.durationMs', options.durationMs, COOLDOWN_DEFAULTS.durationMs)),
    store: (store ?? undefined) as CooldownStore | undefined,
    ...normalizeStoreGuardOptions('cooldown', options, 'open'),
  };
}

function parsePositive(path: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(`${path} must be a positive number, got ${JSON.stringify(value)}`);
  }
  return value;
}
