import { ConfigurationError } from '../errors/error-classes.js';

/** What a layer does when its store fails or does not answer in time: go on without it, or fail the call. */
export type OnStoreError = 'open' | 'closed';

/** The store options every stateful layer (cache, rateLimit, cooldown, budget) takes. */
export interface StoreGuardOptions {
  /** Longest wait for one store operation, in milliseconds (default 500); the call's deadline and signal also end it. */
  readonly storeTimeoutMs?: number | undefined;
  /**
   * `open`: a store that fails is skipped and the call goes on, with a line in `callInfo().warnings`;
   * `closed`: the call fails with `StoreUnavailableError` before anything is sent. Default: `open`,
   * except a hard budget (`closed`).
   */
  readonly onStoreError?: OnStoreError | undefined;
}

export interface NormalizedStoreGuardOptions {
  readonly storeTimeoutMs: number;
  readonly onStoreError: OnStoreError;
}

export const STORE_TIMEOUT_MS = 500;
/** The longest timer `setTimeout` keeps (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** Checks `storeTimeoutMs` and `onStoreError` of the layer named `layer`; an error names the field. */
export function normalizeStoreGuardOptions(layer: string, options: StoreGuardOptions, defaultOnStoreError: OnStoreError): NormalizedStoreGuardOptions {
  const { storeTimeoutMs, onStoreError } = options;
  if (storeTimeoutMs !== undefined && !(typeof storeTimeoutMs === 'number' && storeTimeoutMs > 0 && storeTimeoutMs <= MAX_TIMER_MS)) {
    throw new ConfigurationError(`${layer}.storeTimeoutMs must be a positive number of milliseconds (at most ${MAX_TIMER_MS}), got ${describe(storeTimeoutMs)}`);
  }
  if (onStoreError !== undefined && onStoreError !== 'open' && onStoreError !== 'closed') {
    throw new ConfigurationError(`${layer}.onStoreError must be 'open' or 'closed', got ${describe(onStoreError)}`);
  }
  return { storeTimeoutMs: storeTimeoutMs ?? STORE_TIMEOUT_MS, onStoreError: onStoreError ?? defaultOnStoreError };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
