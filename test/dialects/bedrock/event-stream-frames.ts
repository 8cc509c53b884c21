// Builds AWS event-stream frames for tests, with Node's own CRC-32 (zlib.crc32), so the decoder's
// CRC code is checked against an independent implementation.
import { crc32 } from 'node:zlib';

type HeaderValue = string | boolean | number | Uint8Array;

/** One frame: prelude (total length, headers length, prelude CRC), headers, payload, message CRC. */
export function encodeFrame(headers: Readonly<Record<string, HeaderValue>>, payload: Uint8Array | string): Uint8Array {
  const payloadBytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const headerParts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.concat([Buffer.from([nameBytes.length]), nameBytes]);
    if (typeof value === 'string') {
      const bytes = Buffer.from(value, 'utf8');
      const length = Buffer.alloc(2);
      length.writeUInt16BE(bytes.length);
      headerParts.push(head, Buffer.from([7]), length, bytes);
    } else if (typeof value === 'boolean') {
      headerParts.push(head, Buffer.from([value ? 0 : 1]));
    } else if (typeof value === 'number') {
      const bytes = Buffer.alloc(4);
      bytes.writeInt32BE(value);
      headerParts.push(head, Buffer.from([4]), bytes);
    } else {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(value.length);
      headerParts.push(head, Buffer.from([6]), length, Buffer.from(value));
    }
  }
  const headerBytes = Buffer.concat(headerParts);
  const total = 12 + headerBytes.length + payloadBytes.length + 4;
  const frame = Buffer.alloc(total);
  frame.writeUInt32BE(total, 0);
  frame.writeUInt32BE(headerBytes.length, 4);
  frame.writeUInt32BE(crc32(frame.subarray(0, 8)), 8);
  headerBytes.copy(frame, 12);
  Buffer.from(payloadBytes).copy(frame, 12 + headerBytes.length);
  frame.writeUInt32BE(crc32(frame.subarray(0, total - 4)), total - 4);
  return new Uint8Array(frame);
}

/** A ConverseStream event frame, as Bedrock sends them. */
export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  return encodeFrame(
    { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify(payload),
  );
}

/** A ConverseStream exception frame (`throttlingException`, `modelStreamErrorException`, ...). */
export function exceptionFrame(exceptionType: string, payload: unknown): Uint8Array {
  return encodeFrame(
    { ':exception-type': exceptionType, ':content-type': 'application/json', ':message-type': 'exception' },
    JSON.stringify(payload),
  );
}

export function concatFrames(frames: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(frames.map((frame) => Buffer.from(frame))));
}

/** A body stream that hands out `bytes` in the given read sizes. */
export function streamOf(bytes: Uint8Array, readSizes: readonly number[] = [bytes.length]): ReadableStream<Uint8Array> {
  const reads: Uint8Array[] = [];
  let offset = 0;
  for (const size of readSizes) {
    if (offset >= bytes.length) break;
    reads.push(bytes.slice(offset, offset + size));
    offset += size;
  }
  if (offset < bytes.length) reads.push(bytes.slice(offset));
  return new ReadableStream({
    pull(controller) {
      const next = reads.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
}
