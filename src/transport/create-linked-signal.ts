import { MAX_TIMER_MS } from './max-timer-ms.js';

export interface LinkedSignal {
  /** Aborts when the parent does (with its reason) or when the time is up (with the timeout reason). */
  readonly signal: AbortSignal;
  /** Stops the timer and unhooks from the parent; call it when the work is done, aborted or not. */
  dispose(): void;
  /** Stops the timer only: the work outlives its deadline (a stream being read) but not its parent. */
  stopTimer(): void;
  /** Aborts the signal now, with `reason`. */
  abort(reason?: unknown): void;
}

/**
 * A signal for one piece of work bounded by `timeoutMs` and cancelled with its `parent`: the one
 * home of "a caller's signal plus a deadline". It needs neither `AbortSignal.any` (missing in
 * Vercel's edge runtime and older browsers) nor `AbortSignal.timeout`, and `dispose()` removes its
 * listener from the parent, so a long-lived parent (a client's closing signal, a caller's signal
 * reused for many calls) does not collect one listener per piece of work.
 */
export function createLinkedSignal(
  parent: AbortSignal | undefined,
  timeoutMs: number,
  timeoutReason: () => unknown = () => new DOMException('The operation timed out', 'TimeoutError'),
): LinkedSignal {
  const controller = new AbortController();
  const abort = (reason?: unknown): void => controller.abort(reason);
  if (parent?.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, dispose: () => undefined, stopTimer: () => undefined, abort };
  }
  const onAbort = (): void => {
    dispose();
    controller.abort(parent?.reason);
  };
  const timer = setTimeout(() => {
    dispose();
    controller.abort(timeoutReason());
  }, Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS));
  const dispose = (): void => {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onAbort);
  };
  parent?.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, dispose, stopTimer: () => clearTimeout(timer), abort };
}
