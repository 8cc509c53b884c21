import { StreamError } from '../errors/error-classes.js';
import { MAX_SSE_EVENT_SIZE, type SseEvent } from './parse-sse-events.js';

/**
 * Newline-delimited JSON (`application/x-ndjson`, Ollama's streams) as events: each non-blank line
 * is one event's `data`, so a dialect reads it like a server-sent event. Decoding is incremental;
 * a line longer than `maxLineSize` throws `StreamError`; the body is cancelled when the consumer
 * stops early.
 */
export async function* parseNdjsonEvents(
  body: ReadableStream<Uint8Array>,
  maxLineSize: number = MAX_SSE_EVENT_SIZE,
): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      // The last piece is a line still arriving, unless the body ended.
      buffered = done ? '' : (lines.pop() ?? '');
      if (buffered.length > maxLineSize) {
        throw new StreamError(`a stream line exceeded the maximum size of ${maxLineSize} characters (${maxLineSize / (1024 * 1024)} MiB)`);
      }
      for (const line of lines) {
        const data = line.trim();
        if (data !== '') yield { data, event: undefined, id: undefined };
      }
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
