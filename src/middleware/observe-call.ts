import { observeStream, type StreamOutcome } from '../streaming/observe-stream.js';
import { isThenable } from './maybe-promise.js';

/**
 * How a call ended: a unary call `returned` its result or was `rejected` before any result (a
 * stream that failed to start included); a stream was read to its end (`completed`), `failed`
 * mid-way, or was `abandoned` by its consumer (`break`, `return()`).
 */
export type CallOutcome =
  | { readonly status: 'returned'; readonly result: unknown }
  | { readonly status: 'rejected'; readonly error: unknown }
  | StreamOutcome;

export interface CallObserver {
  /** Each item of a stream as it passes, before the consumer sees it (not called for a unary result). */
  onItem?(item: unknown): void;
  /**
   * Once per call, however it ends; when it returns a promise, the caller sees the result, the
   * error or the stream's end only after it settles. What it throws replaces the call's outcome.
   */
  onEnd(outcome: CallOutcome): void | Promise<void>;
}

/**
 * Starts a call and settles a layer's bookkeeping after it: at once for a unary result or a
 * rejection (a synchronous throw of `start` included), and for a stream (`stream` true and the
 * result async-iterable) when it ends, fails or is abandoned, without buffering it. Costs no
 * `await` of its own, so a layer whose `onEnd` is synchronous adds one promise reaction per call.
 */
export function observeCall(start: () => Promise<unknown>, stream: boolean, observer: CallObserver): Promise<unknown> {
  return startCall(start).then(
    (result) => {
      if (stream && isAsyncIterable(result)) return observeStream(result, observer);
      const ended = observer.onEnd({ status: 'returned', result });
      return isThenable(ended) ? ended.then(() => result) : result;
    },
    (error: unknown) => {
      const ended = observer.onEnd({ status: 'rejected', error });
      if (!isThenable(ended)) throw error;
      return ended.then(() => {
        throw error;
      });
    },
  );
}

/**
 * `start()`, with a synchronous throw turned into a rejection: what an `async` layer did for free,
 * for the layers that return the rest of the chain's promise without awaiting it.
 */
export function startCall(start: () => Promise<unknown>): Promise<unknown> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}
