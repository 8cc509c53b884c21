/** One limited key of an acquisition: `model:<provider>/<model>` or `provider:<id>`. */
export interface RateLimitKeyRequest {
  readonly key: string;
  /** Requests per window, or undefined for no request limit on this key. */
  readonly rpm: number | undefined;
  /** Tokens per window, or undefined for no token limit on this key. */
  readonly tpm: number | undefined;
  /** The call's token estimate on this key (already capped at `tpm`, so it can always fit an empty window). */
  readonly tokens: number;
}

export interface RateLimitAcquireInput {
  /** Unique per call; names its entries so they can be reconciled later. */
  readonly id: string;
  readonly windowMs: number;
  /** Requests this call takes (1). */
  readonly requests: number;
  /** Every key must have room, or nothing is taken. */
  readonly keys: readonly RateLimitKeyRequest[];
}

export type RateLimitAcquireResult =
  | { readonly admitted: true }
  | {
      readonly admitted: false;
      /** Time until the entries that block this call have left the window. */
      readonly retryAfterMs: number;
      /** The key that needs the longest wait. */
      readonly key: string;
    };

/** What one key's entry held, and what it should hold now that the call's real usage is known. */
export interface RateLimitKeyReconcile {
  readonly key: string;
  readonly from: { readonly requests: number; readonly tokens: number };
  readonly to: { readonly requests: number; readonly tokens: number };
}

export interface RateLimitReconcileInput {
  readonly id: string;
  readonly windowMs: number;
  readonly keys: readonly RateLimitKeyReconcile[];
}

/**
 * Sliding-log state of request and token counts per key. `acquire` checks every key and takes
 * room on all of them in one atomic step, or on none; the store's own clock decides what is in the
 * window (server time for Redis), so processes with skewed clocks agree. `reconcile` replaces a
 * call's estimate with its real usage; if the entry already left the window, any increase is
 * recorded as a new entry at the current time.
 */
export interface RateLimitStore {
  acquire(input: RateLimitAcquireInput): Promise<RateLimitAcquireResult>;
  reconcile(input: RateLimitReconcileInput): Promise<void>;
}
