/** Streams for layer tests: a fake chunk stream that records how it was consumed, and readers of streams and rejections. */

export interface FakeStream<T> extends AsyncIterable<T> {
  /** Chunks handed out so far. */
  readonly pulled: number;
  readonly returned: boolean;
}

/** A stream of `chunks` that throws `error` when asked for chunk number `failAt` (0 = the first). */
export function fakeStream<T>(chunks: readonly T[], options: { failAt?: number; error?: unknown } = {}): FakeStream<T> {
  let pulled = 0;
  let returned = false;
  let done = false;
  return {
    get pulled() {
      return pulled;
    },
    get returned() {
      return returned;
    },
    [Symbol.asyncIterator](): AsyncIterator<T> {
      return {
        async next() {
          if (done) return { done: true, value: undefined };
          if (options.failAt === pulled) {
            done = true;
            throw options.error;
          }
          const chunk = chunks[pulled];
          if (chunk === undefined) {
            done = true;
            return { done: true, value: undefined };
          }
          pulled += 1;
          return { done: false, value: chunk };
        },
        async return() {
          returned = true;
          done = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
}

export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}
