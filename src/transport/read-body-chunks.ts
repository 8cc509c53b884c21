/**
 * The chunks of a byte stream as they arrive. Stopping early (a `break`, a throw in the consuming
 * loop) cancels the stream, so the HTTP request behind it ends; the lock is released either way.
 */
export async function* readBodyChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
