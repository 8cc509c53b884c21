import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { computeCrc32 } from '../../../src/transport/compute-crc32.js';
import { decodeAwsEventStream } from '../../../src/transport/decode-aws-event-stream.js';
import { EventStreamFrameError, parseEventStreamMessage } from '../../../src/transport/parse-event-stream-message.js';
import type { SseEvent } from '../../../src/transport/parse-sse-events.js';
import { concatFrames, encodeFrame, eventFrame, exceptionFrame, streamOf } from './event-stream-frames.js';

async function collect(body: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of decodeAwsEventStream(body)) events.push(event);
  return events;
}

async function collectError(body: ReadableStream<Uint8Array>): Promise<{ events: SseEvent[]; error: unknown }> {
  const events: SseEvent[] = [];
  try {
    for await (const event of decodeAwsEventStream(body)) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events, error: undefined };
}

const START = eventFrame('messageStart', { role: 'assistant' });
const DELTA = eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Héllo 👋' } });
const STOP = eventFrame('messageStop', { stopReason: 'end_turn' });

describe('computeCrc32', () => {
  it('gives the standard CRC-32 check value and agrees with zlib', () => {
    expect(computeCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(computeCrc32(new Uint8Array())).toBe(0);
    for (let round = 0; round < 20; round += 1) {
      const bytes = randomBytes(1 + round * 37);
      expect(computeCrc32(bytes)).toBe(crc32(bytes));
    }
  });
});

describe('parseEventStreamMessage', () => {
  it('reads every header value type', () => {
    const frame = Buffer.from(encodeFrame({ ':message-type': 'event', flag: true, off: false, count: -7, blob: new Uint8Array([1, 2, 3]) }, '{}'));
    const message = parseEventStreamMessage(new Uint8Array(frame));
    expect(message.headers).toEqual({ ':message-type': 'event', flag: true, off: false, count: -7, blob: new Uint8Array([1, 2, 3]) });
    expect(new TextDecoder().decode(message.payload)).toBe('{}');
  });

  it('reads byte, short, long, timestamp and uuid headers', () => {
    const name = (text: string) => [text.length, ...Buffer.from(text)];
    const headers = Buffer.from([
      ...name('b'), 2, 0xff,
      ...name('s'), 3, 0x01, 0x02,
      ...name('l'), 5, 0, 0, 0, 0, 0, 0, 0x01, 0x00,
      ...name('t'), 8, 0, 0, 0x01, 0x8f, 0x33, 0x2a, 0x4c, 0x00,
      ...name('u'), 9, ...Buffer.from('0123456789abcdef0123456789abcdef', 'hex'),
    ]);
    const total = 12 + headers.length + 4;
    const frame = Buffer.alloc(total);
    frame.writeUInt32BE(total, 0);
    frame.writeUInt32BE(headers.length, 4);
    frame.writeUInt32BE(crc32(frame.subarray(0, 8)), 8);
    headers.copy(frame, 12);
    frame.writeUInt32BE(crc32(frame.subarray(0, total - 4)), total - 4);
    const message = parseEventStreamMessage(new Uint8Array(frame));
    expect(message.headers.b).toBe(-1);
    expect(message.headers.s).toBe(258);
    expect(message.headers.l).toBe(256n);
    expect(message.headers.t).toEqual(new Date(0x018f332a4c00));
    expect(message.headers.u).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(message.payload.length).toBe(0);
  });
});

describe('decodeAwsEventStream', () => {
  it('decodes event frames, several per read, into named events with their JSON payload', async () => {
    const events = await collect(streamOf(concatFrames([START, DELTA, STOP])));
    expect(events).toEqual([
      { event: 'messageStart', data: '{"role":"assistant"}' },
      { event: 'contentBlockDelta', data: '{"contentBlockIndex":0,"delta":{"text":"Héllo 👋"}}' },
      { event: 'messageStop', data: '{"stopReason":"end_turn"}' },
    ]);
  });

  it('reassembles frames split across reads, even byte by byte and inside a multi-byte character', async () => {
    const bytes = concatFrames([START, DELTA, STOP]);
    const whole = await collect(streamOf(bytes));
    expect(await collect(streamOf(bytes, Array.from({ length: bytes.length }, () => 1)))).toEqual(whole);
    expect(await collect(streamOf(bytes, [5, 20, 7, 90, 3]))).toEqual(whole);
  });

  it('names exception frames after their :exception-type and error frames after their :error-code', async () => {
    const error = encodeFrame({ ':message-type': 'error', ':error-code': 'InternalFailure', ':error-message': 'We encountered an internal error.' }, '');
    const events = await collect(streamOf(concatFrames([exceptionFrame('throttlingException', { message: 'Too many requests' }), error])));
    expect(events).toEqual([
      { event: 'exception:throttlingException', data: '{"message":"Too many requests"}' },
      { event: 'error:InternalFailure', data: 'We encountered an internal error.' },
    ]);
  });

  it('fails on a bad prelude CRC before trusting the length', async () => {
    const corrupt = DELTA.slice();
    corrupt[9] = (corrupt[9] ?? 0) ^ 0xff;
    const { events, error } = await collectError(streamOf(concatFrames([START, corrupt, STOP])));
    expect(events).toHaveLength(1);
    expect(error).toBeInstanceOf(EventStreamFrameError);
    expect(String((error as Error).message)).toMatch(/^prelude CRC mismatch/);
  });

  it('fails on a bad message CRC (a flipped payload byte)', async () => {
    const corrupt = DELTA.slice();
    corrupt[corrupt.length - 10] = (corrupt[corrupt.length - 10] ?? 0) ^ 0x01;
    const { events, error } = await collectError(streamOf(concatFrames([START, corrupt]), [START.length + 3]));
    expect(events.map((event) => event.event)).toEqual(['messageStart']);
    expect(String((error as Error).message)).toMatch(/^message CRC mismatch/);
  });

  it('fails when the body ends inside a frame', async () => {
    const { events, error } = await collectError(streamOf(concatFrames([START, DELTA.slice(0, 20)])));
    expect(events).toHaveLength(1);
    expect(String((error as Error).message)).toContain('ended inside a frame (20 bytes left over)');
  });

  it('fails on an absurd frame length even when the prelude CRC matches', async () => {
    const prelude = Buffer.alloc(12);
    prelude.writeUInt32BE(64 * 1024 * 1024, 0);
    prelude.writeUInt32BE(0, 4);
    prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8);
    const { error } = await collectError(streamOf(new Uint8Array(prelude)));
    expect(String((error as Error).message)).toContain('out of range');
  });

  it('fails on an event frame without :event-type or with an unknown :message-type', async () => {
    const untyped = await collectError(streamOf(encodeFrame({ ':message-type': 'event' }, '{}')));
    expect(String((untyped.error as Error).message)).toContain('no :event-type');
    const odd = await collectError(streamOf(encodeFrame({ ':message-type': 'telemetry' }, '{}')));
    expect(String((odd.error as Error).message)).toContain('unknown :message-type "telemetry"');
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(START);
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of decodeAwsEventStream(body)) {
      expect(event.event).toBe('messageStart');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
