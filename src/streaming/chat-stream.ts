import type { ChatCompletionChunk } from '../../generated/types/index.js';
import { attachCallInfo, type CallInfoRecord } from '../call-info.js';

/**
 * The result of `chatStream`: an async iterable of OpenAI-shaped chunks, consumed once. The request
 * starts on the first iteration; `break` (or the call's `signal`) cancels it. `callInfo(stream)`
 * is complete once the stream has ended.
 */
export class ChatStream implements AsyncIterable<ChatCompletionChunk> {
  readonly #open: () => Promise<AsyncIterable<ChatCompletionChunk>>;
  readonly #info: CallInfoRecord;
  readonly #startedAt: number;
  readonly #mapError: (error: unknown) => unknown;
  #consumed = false;

  constructor(
    open: () => Promise<AsyncIterable<ChatCompletionChunk>>,
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

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    if (this.#consumed) throw new TypeError('a ChatStream can be iterated only once');
    this.#consumed = true;
    return this.#iterate();
  }

  async *#iterate(): AsyncGenerator<ChatCompletionChunk> {
    try {
      const chunks = await this.#open();
      yield* chunks;
    } catch (error) {
      throw this.#mapError(error);
    } finally {
      this.#info.latencyMs = Date.now() - this.#startedAt;
      this.#info.complete = true;
    }
  }

  /** All chunks, for callers that want the stream's guarantees without incremental output. */
  async toArray(): Promise<ChatCompletionChunk[]> {
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of this) chunks.push(chunk);
    return chunks;
  }
}
