/** How a stream ended: read to its end, failed, or abandoned by the consumer (`break`, `return()`). */
export type StreamOutcome =
  | { readonly status: 'completed' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'abandoned' };

export interface StreamObserver<T> {
  /** Each item as it passes, before the consumer sees it. */
  onItem?(item: T): void;
  /** Once, when the stream ends in any way; awaited before the consumer sees the end. */
  onEnd(outcome: StreamOutcome): void | Promise<void>;
}

/**
 * Wraps a stream without buffering: items pass one by one, `return()` (a consumer's `break`) is
 * forwarded so the HTTP request is cancelled, an error is thrown once, and `onEnd` runs exactly
 * once however the stream ends, even when it is abandoned before its first item.
 */
export function observeStream<T>(stream: AsyncIterable<T>, observer: StreamObserver<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const inner = stream[Symbol.asyncIterator]();
      let ended = false;
      const end = async (outcome: StreamOutcome): Promise<void> => {
        if (ended) return;
        ended = true;
        await observer.onEnd(outcome);
      };
      // `next` runs for every item of every layer that observes a stream (five in a full stack):
      // chaining the inner promise, with these two handlers made once per stream, costs about
      // half of an async function per item.
      const step = (result: IteratorResult<T>): IteratorResult<T> | Promise<IteratorResult<T>> => {
        if (result.done === true) return end({ status: 'completed' }).then(() => result);
        observer.onItem?.(result.value);
        return result;
      };
      const fail = (error: unknown): Promise<never> =>
        end({ status: 'failed', error }).then(() => {
          throw error;
        });
      return {
        next(): Promise<IteratorResult<T>> {
          if (ended) return Promise.resolve({ done: true, value: undefined });
          let pending: IteratorResult<T> | Promise<IteratorResult<T>>;
          try {
            pending = inner.next();
          } catch (error) {
            return fail(error);
          }
          return Promise.resolve(pending).then(step, fail);
        },
        async return(value?: unknown): Promise<IteratorResult<T>> {
          try {
            if (!ended) await inner.return?.(value);
          } finally {
            await end({ status: 'abandoned' });
          }
          return { done: true, value: value as T };
        },
      };
    },
  };
}
