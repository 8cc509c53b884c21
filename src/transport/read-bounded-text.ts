import { readBodyChunks } from './read-body-chunks.js';

/** A body read as text up to a byte bound. */
export interface BoundedText {
  /** The body, or its first `maxBytes` bytes when it was longer. */
  readonly text: string;
  /** The body was longer than `maxBytes`: reading stopped there and the rest was never read. */
  readonly exceeded: boolean;
}

const decoder = new TextDecoder();

/**
 * The body of `response` as UTF-8 text, reading at most `maxBytes` bytes: once the bound is crossed
 * (or a declared `content-length` is past it) the body is cancelled, which ends the HTTP request,
 * instead of buffering whatever a broken or hostile server keeps sending.
 *
 * A body with a declared length within the bound and no content encoding is read by
 * `response.text()`, the fastest way; the transport stops at the declared length. A compressed body
 * is always counted as it arrives, since its declared length is not its decoded size.
 */
export async function readBoundedText(response: Response, maxBytes: number): Promise<BoundedText> {
  const body = response.body;
  if (body === null) return { text: '', exceeded: false };
  const declared = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  const length = declared === null ? Number.NaN : Number(declared);
  if (Number.isSafeInteger(length) && length >= 0 && (encoding === null || encoding === 'identity')) {
    if (length <= maxBytes) return { text: await response.text(), exceeded: false };
    await body.cancel().catch(() => {});
    return { text: '', exceeded: true };
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of readBodyChunks(body)) {
    if (received + chunk.byteLength > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - received));
      // Leaving the loop cancels the body.
      return { text: decode(chunks, maxBytes), exceeded: true };
    }
    chunks.push(chunk);
    received += chunk.byteLength;
  }
  return { text: decode(chunks, received), exceeded: false };
}

function decode(chunks: readonly Uint8Array[], length: number): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(bytes);
}
