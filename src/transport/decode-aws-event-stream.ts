import type { SseEvent } from './parse-sse-events.js';
import { readBodyChunks } from './read-body-chunks.js';
import {
  EventStreamFrameError,
  parseEventStreamMessage,
  PRELUDE_LENGTH,
  readMessageLength,
  type EventStreamMessage,
} from './parse-event-stream-message.js';

/** Event names given to frames that are not plain events (see `convertEventStreamMessage`). */
export const EXCEPTION_EVENT_PREFIX = 'exception:';
export const ERROR_EVENT_PREFIX = 'error:';

/**
 * AWS event-stream frames (ConverseStream's `application/vnd.amazon.eventstream` body) as events
 * for the dialect's stream converter. Frames may span reads and reads may hold several frames;
 * each frame's prelude and message CRCs are checked. A bad frame, or a body that ends inside one,
 * throws an EventStreamFrameError, which the core reports as a StreamError carrying the text
 * received so far. The body is cancelled when the consumer stops early.
 */
export async function* decodeAwsEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  let buffer = new Uint8Array(64 * 1024);
  let length = 0;
  for await (const value of readBodyChunks(body)) {
    if (length + value.length > buffer.length) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, length + value.length));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length += value.length;
    let offset = 0;
    while (length - offset >= PRELUDE_LENGTH) {
      const total = readMessageLength(buffer.subarray(offset, offset + PRELUDE_LENGTH));
      if (length - offset < total) break;
      // Copied out of the buffer, which the next read may overwrite while the event is in use.
      const message = parseEventStreamMessage(buffer.slice(offset, offset + total));
      offset += total;
      yield convertEventStreamMessage(message);
    }
    if (offset > 0) {
      buffer.copyWithin(0, offset, length);
      length -= offset;
    }
  }
  if (length > 0) throw new EventStreamFrameError(`the stream ended inside a frame (${length} bytes left over)`);
}

const utf8 = new TextDecoder();

/**
 * A frame as an event: `:message-type` `event` keeps its `:event-type` as the event name and its
 * payload as data; `exception` frames are named `exception:<:exception-type>`; `error` frames
 * `error:<:error-code>` with `:error-message` as data.
 */
export function convertEventStreamMessage(message: EventStreamMessage): SseEvent {
  const header = (name: string): string | undefined => {
    const value = message.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const messageType = header(':message-type');
  switch (messageType) {
    case 'event': {
      const eventType = header(':event-type');
      if (eventType === undefined) throw new EventStreamFrameError('an event frame has no :event-type header');
      return { event: eventType, data: utf8.decode(message.payload) };
    }
    case 'exception':
      return { event: `${EXCEPTION_EVENT_PREFIX}${header(':exception-type') ?? 'unknown'}`, data: utf8.decode(message.payload) };
    case 'error':
      return { event: `${ERROR_EVENT_PREFIX}${header(':error-code') ?? 'unknown'}`, data: header(':error-message') ?? '' };
    default:
      throw new EventStreamFrameError(`a frame has an unknown :message-type "${messageType ?? ''}"`);
  }
}
