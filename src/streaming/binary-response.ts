import { readBodyChunks } from '../transport/read-body-chunks.js';

/**
 * A binary result (speech audio, file content), streamed rather than buffered: read `body` as it
 * arrives, or take it whole with `bytes()`, `arrayBuffer()` or `text()`. The body can be read
 * once. Cancelling `body` (or the call's `signal`) cancels the HTTP request. `callInfo()` works on
 * it like on any result.
 */
export class BinaryResponse implements AsyncIterable<Uint8Array> {
  /** The `content-type` the server sent, e.g. `audio/mpeg`; `application/octet-stream` when absent. */
  readonly contentType: string;
  /** The `content-length` the server sent, when it sent one. */
  readonly contentLength: number | undefined;
  readonly #body: ReadableStream<Uint8Array>;
  #used = false;

  constructor(body: ReadableStream<Uint8Array>, contentType: string, contentLength: number | undefined) {
    this.#body = body;
    this.contentType = contentType;
    this.contentLength = contentLength;
  }

  /** The bytes as they arrive. */
  get body(): ReadableStream<Uint8Array> {
    return this.#body;
  }

  /** Whether the body has been read (or is being read). */
  get bodyUsed(): boolean {
    return this.#used || this.#body.locked;
  }

  async bytes(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const part of this) {
      parts.push(part);
      length += part.byteLength;
    }
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.byteLength;
    }
    return bytes;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.bodyUsed) throw new TypeError('the body of a BinaryResponse can be read only once');
    this.#used = true;
    yield* readBodyChunks(this.#body);
  }
}
