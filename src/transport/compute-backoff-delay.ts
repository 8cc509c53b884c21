const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/**
 * Exponential backoff with jitter for retry number `retry` (0 for the first retry). The jitter
 * keeps many clients that failed together from retrying together.
 */
export function computeBackoffDelay(retry: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return base * (1 - random() * 0.25);
}
