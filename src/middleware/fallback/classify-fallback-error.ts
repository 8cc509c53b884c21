import type { NormalizedFallbackOptions } from './normalize-fallback-options.js';

/** Why a call may fall back; `undefined` when it must not. */
export type FallbackReason = 'retryable' | 'contextWindow' | 'contentPolicy';

/**
 * Whether an error lets a call fall back: never once the call's signal aborted or for
 * `AbortedError`; on `ContextWindowExceededError` / `ContentPolicyError` only when that trigger is
 * on; otherwise only on retryable errors (`error.retryable`: 429, 5xx, timeouts, network errors,
 * cooldown, unhealthy deployments). Other client errors never fall back. Reads `kind` and
 * `retryable` rather than classes, so errors from another copy of the package count too.
 *
 * @example
 * classifyFallbackError(new ServerError('boom'), undefined, options); // 'retryable'
 */
export function classifyFallbackError(
  error: unknown,
  signal: AbortSignal | undefined,
  options: NormalizedFallbackOptions,
): FallbackReason | undefined {
  if (signal?.aborted === true) return undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const { kind, retryable } = error as { kind?: unknown; retryable?: unknown };
  if (kind === 'Aborted') return undefined;
  if (kind === 'ContextWindowExceeded') return options.contextWindow === undefined ? undefined : 'contextWindow';
  if (kind === 'ContentPolicy') return options.contentPolicy === undefined ? undefined : 'contentPolicy';
  return retryable === true ? 'retryable' : undefined;
}
