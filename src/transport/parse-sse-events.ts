import { createParser } from 'eventsource-parser';
import { StreamError } from '../errors/error-classes.js';

/**
 * One server-sent event, as eventsource-parser reports it. Declared here rather than re-exported:
 * the parser is bundled into dist/, not a dependency, so a published declaration that imported its
 * types would not resolve in a consumer's project.
 */
export interface SseEvent {
  /** The `event:` field; undefined when the server sent none (browsers would say `message`). */
  event?: string | undefined;
  /** The `id:` field, if any. */
  id?: string | undefined;
  /** The `data:` lines, joined with newlines. */
  data: string;
}

/**
 * Largest single server-sent event accepted, in UTF-16 code units of decoded text (4 MiB). A chat
 * chunk is a few hundred bytes; a server that sends megabytes without an event boundary is broken
 * or hostile, and buffering it would grow memory without limit.
 */
export const MAX_SSE_EVENT_SIZE = 4 * 1024 * 1024;

/**
 * Server-sent events from a byte stream. Decoding is incremental, so a multi-byte UTF-8 character
 * split across two reads arrives whole. The reader is released (and the body cancelled) when the
 * consumer stops early. An event larger than `maxEventSize` throws `StreamError`. A comment line
 * (`: ping`, the keep-alive many servers send while a model thinks) calls `onComment`.
 */
export async function* parseSseEvents(
  body: ReadableStream<Uint8Array>,
  maxEventSize: number = MAX_SSE_EVENT_SIZE,
  onComment?: () => void,
): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: SseEvent[] = [];
  // Text fed since the last complete event or comment: what the parser may be holding.
  let sinceEvent = 0;
  const parser = createParser({
    onEvent: (event) => {
      sinceEvent = 0;
      pending.push(event);
    },
    onComment: () => {
      sinceEvent = 0;
      onComment?.();
    },
  });
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        parser.feed(decoder.decode());
        // A last event without its blank line still counts: some servers close right after it.
        parser.feed('\n\n');
        finished = true;
      } else {
        const text = decoder.decode(value, { stream: true });
        sinceEvent += text.length;
        parser.feed(text);
        if (sinceEvent > maxEventSize) {
          throw new StreamError(
            `a server-sent event exceeded the maximum event size of ${maxEventSize} characters (${maxEventSize / (1024 * 1024)} MiB)`,
          );
        }
      }
      while (pending.length > 0) yield pending.shift() as SseEvent;
      if (finished) return;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
