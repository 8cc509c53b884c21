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
      return {
        async next(): Promise<IteratorResult<T>> {
          if (ended) return { done: true, value: undefined };
          let step: IteratorResult<T>;
          try {
            step = await inner.next();
          } catch (error) {
            await end({ status: 'failed', error });
            throw error;
          }
          if (step.done === true) {
            await end({ status: 'completed' });
            return step;
          }
          observer.onItem?.(step.value);
          return step;
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
