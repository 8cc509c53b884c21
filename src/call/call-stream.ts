import { attachCallInfo, type CallInfoRecord } from './call-info.js';

/**
 * A stream returned by a call: an async iterable consumed once. The request starts on the first
 * iteration; `break` (or the call's `signal`) cancels it. `callInfo(stream)` is complete once the
 * stream has ended.
 */
export class CallStream<T> implements AsyncIterable<T> {
  readonly #open: () => Promise<AsyncIterable<T>>;
  readonly #info: CallInfoRecord;
  readonly #startedAt: number;
  readonly #mapError: (error: unknown) => unknown;
  #consumed = false;

  constructor(
    open: () => Promise<AsyncIterable<T>>,
    info: CallInfoRecord,
    startedAt: number,
    mapError: (error: unknown) => unknown = (error) => error,
  ) {
    this.#open = open;
    this.#info = info;
    this.#startedAt = startedAt;
    this.#mapError = mapError;
    attachCallInfo(this, info);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#consumed) throw new TypeError(`a ${this.constructor.name} can be iterated only once`);
    this.#consumed = true;
    return this.#iterate();
  }

  async *#iterate(): AsyncGenerator<T> {
    try {
      const items = await this.#open();
      yield* items;
    } catch (error) {
      throw this.#mapError(error);
    } finally {
      this.#info.latencyMs = Date.now() - this.#startedAt;
      this.#info.complete = true;
    }
  }

  /** All items, for callers that want the stream's guarantees without incremental output. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
