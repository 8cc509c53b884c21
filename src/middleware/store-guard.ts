import type { CallContext } from '../call/call-context.js';
import { AbortedError, StoreUnavailableError } from '../errors/error-classes.js';
import { isThenable, type MaybePromise } from './maybe-promise.js';
import type { NormalizedStoreGuardOptions } from './normalize-store-guard-options.js';

/**
 * Every store operation of the cache, rate limit, cooldown and budget layers goes through one of
 * these, so a store that fails, hangs or died (a killed Redis whose client queues commands until it
 * reconnects) never hangs a call. A store that answers at once (the in-memory ones) is used as it
 * is: no timer, no promise. A promise is raced against `storeTimeoutMs`, the call's remaining
 * deadline and its signal; the one that loses still gets a handler (no unhandled rejection), and a
 * late answer goes to `onLate` so that what it took can be given back.
 */
export interface StoreGuard {
  /**
   * A store answer the call needs before it is sent (a cache read, room in a rate limit, a
   * cooldown, a budget reservation). When the store fails or does not answer in time: with
   * `onStoreError: 'open'` the call goes on with `fallback` and a warning; with `'closed'` it fails
   * with `StoreUnavailableError`. An aborted signal rejects with `AbortedError` either way.
   */
  need<T>(context: CallContext, operation: string, run: () => MaybePromise<T>, fallback: T, onLate?: (answer: T) => void): MaybePromise<T>;
  /**
   * Bookkeeping once the call has its outcome (a cache write, usage, a failure or success, what a
   * budget spent): it never changes that outcome; a store that fails or is not awaited in time
   * adds `warning(reason)` to the call's warnings and answers undefined. A stream that has ended
   * (`streamEnded`) is past the call's deadline by design (`timeoutMs` is its idle timeout there),
   * so only `storeTimeoutMs` and the signal bound the wait then.
   */
  record<T>(context: CallContext, run: () => MaybePromise<T>, warning: (reason: string) => string, streamEnded?: boolean): MaybePromise<T | undefined>;
}

/** Why a store wait ended without an answer: the store's error, a timeout, or the caller's abort. */
class StoreWaitFailure {
  constructor(
    readonly reason: string,
    readonly cause: unknown,
    readonly aborted = false,
  ) {}
}

/** `layer` is the layer's option name, which starts its warnings and names it in errors. */
export function createStoreGuard(layer: string, options: NormalizedStoreGuardOptions): StoreGuard {
  /** Runs one store operation: an answer already there as it is, a promise raced against the bounds. */
  const guarded = <T, F>(
    context: CallContext,
    run: () => MaybePromise<T>,
    useDeadline: boolean,
    onLate: ((answer: T) => void) | undefined,
    failed: (failure: StoreWaitFailure) => F,
  ): MaybePromise<T | F> => {
    let answer: MaybePromise<T>;
    try {
      answer = run();
    } catch (error) {
      return failed(storeFailure(error));
    }
    if (!isThenable(answer)) return answer;
    const { deadlineAt, timeoutMs, signal } = context.options;
    const left = useDeadline ? deadlineAt - Date.now() : Number.POSITIVE_INFINITY;
    const timeout =
      left < options.storeTimeoutMs
        ? { ms: left, reason: `no answer within the call's timeoutMs of ${timeoutMs} ms` }
        : { ms: options.storeTimeoutMs, reason: `no answer within ${options.storeTimeoutMs} ms` };
    return waitFor(answer, timeout, signal, onLate).then(undefined, (failure: unknown) =>
      failed(failure instanceof StoreWaitFailure ? failure : storeFailure(failure)),
    );
  };

  return {
    need(context, operation, run, fallback, onLate) {
      return guarded(context, run, true, onLate, ({ reason, cause, aborted }): typeof fallback => {
        if (aborted) throw new AbortedError(`the call was aborted while waiting for the ${layer} store (${operation})`, { cause });
        const { route } = context;
        if (options.onStoreError === 'closed') {
          throw new StoreUnavailableError(`${layer} store failed on ${operation} (${reason}); ${layer}.onStoreError is 'closed', so nothing was sent`, {
            provider: route.provider.id,
            model: route.model,
            cause,
          });
        }
        context.info.warnings.push(`${layer}: store ${operation} failed (${reason}); the call went on without it`);
        return fallback;
      });
    },

    record(context, run, warning, streamEnded = false) {
      return guarded(context, run, !streamEnded, undefined, ({ reason }): undefined => {
        context.info.warnings.push(warning(reason));
        return undefined;
      });
    },
  };
}

function waitFor<T>(
  answer: PromiseLike<T>,
  timeout: { readonly ms: number; readonly reason: string },
  signal: AbortSignal | undefined,
  onLate: ((answer: T) => void) | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let waiting = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = (): void => {
      waiting = false;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      stop();
      reject(new StoreWaitFailure('the call was aborted', signal?.reason, true));
    };
    const onTimeout = (): void => {
      stop();
      reject(new StoreWaitFailure(timeout.reason, undefined));
    };
    answer.then(
      (value) => {
        if (waiting) {
          stop();
          resolve(value);
        } else if (onLate !== undefined) {
          try {
            onLate(value);
          } catch {
            // Giving back what a late answer took is best effort; the call has moved on.
          }
        }
      },
      (error: unknown) => {
        // Handled even when it comes after the wait ended: a store failing late is no unhandled rejection.
        if (!waiting) return;
        stop();
        reject(storeFailure(error));
      },
    );
    if (signal?.aborted) onAbort();
    else if (timeout.ms <= 0) onTimeout();
    else {
      timer = setTimeout(onTimeout, timeout.ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }
  });
}

/**
 * A store's own error, described for a warning or a message: its message with the credentials of
 * any URL in it (`redis://user:password@host`) removed, and cut short. Configured API keys are
 * scrubbed from errors on their way out as well; this covers what the client does not know.
 */
function storeFailure(error: unknown): StoreWaitFailure {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const scrubbed = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[REDACTED]@');
  return new StoreWaitFailure(scrubbed.length > 300 ? `${scrubbed.slice(0, 300)}…` : scrubbed, error);
}
