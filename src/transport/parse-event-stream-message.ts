import { computeCrc32 } from './compute-crc32.js';

/** A header value of an AWS event-stream message, by its wire type. */
export type EventStreamHeaderValue = boolean | number | bigint | string | Uint8Array | Date;

export interface EventStreamMessage {
  readonly headers: Readonly<Record<string, EventStreamHeaderValue>>;
  readonly payload: Uint8Array;
}

/** Why a frame could not be read; the decoder turns it into a StreamError. */
export class EventStreamFrameError extends Error {}

/** Prelude (total length, headers length, prelude CRC) plus the trailing message CRC. */
export const PRELUDE_LENGTH = 12;
const MESSAGE_CRC_LENGTH = 4;
/** AWS caps one event-stream message at 16 MiB and its headers at 128 KiB. */
export const MAX_MESSAGE_LENGTH = 16 * 1024 * 1024;
const MAX_HEADERS_LENGTH = 128 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The total length a frame declares, after checking the prelude CRC so that a corrupt length is
 * never trusted. `bytes` holds at least the prelude.
 */
export function readMessageLength(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, PRELUDE_LENGTH);
  const totalLength = view.getUint32(0);
  const headersLength = view.getUint32(4);
  const preludeCrc = view.getUint32(8);
  const actual = computeCrc32(bytes.subarray(0, 8));
  if (actual !== preludeCrc) {
    throw new EventStreamFrameError(`prelude CRC mismatch (frame says ${hex(preludeCrc)}, computed ${hex(actual)})`);
  }
  if (totalLength < PRELUDE_LENGTH + MESSAGE_CRC_LENGTH || totalLength > MAX_MESSAGE_LENGTH) {
    throw new EventStreamFrameError(`frame length ${totalLength} is out of range`);
  }
  if (headersLength > MAX_HEADERS_LENGTH || headersLength > totalLength - PRELUDE_LENGTH - MESSAGE_CRC_LENGTH) {
    throw new EventStreamFrameError(`headers length ${headersLength} does not fit a frame of ${totalLength} bytes`);
  }
  return totalLength;
}

/**
 * One complete AWS event-stream frame: prelude, headers (name length, name, type byte, value),
 * payload, and a CRC-32 over everything before it. Both CRCs are checked.
 */
export function parseEventStreamMessage(frame: Uint8Array): EventStreamMessage {
  const totalLength = readMessageLength(frame);
  if (frame.length !== totalLength) throw new EventStreamFrameError(`frame has ${frame.length} bytes, its prelude says ${totalLength}`);
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const messageCrc = view.getUint32(totalLength - MESSAGE_CRC_LENGTH);
  const actual = computeCrc32(frame.subarray(0, totalLength - MESSAGE_CRC_LENGTH));
  if (actual !== messageCrc) {
    throw new EventStreamFrameError(`message CRC mismatch (frame says ${hex(messageCrc)}, computed ${hex(actual)})`);
  }
  const headersEnd = PRELUDE_LENGTH + view.getUint32(4);
  return {
    headers: parseHeaders(frame, view, PRELUDE_LENGTH, headersEnd),
    payload: frame.subarray(headersEnd, totalLength - MESSAGE_CRC_LENGTH),
  };
}

interface FixedSizeValue {
  readonly size: number;
  read(view: DataView, offset: number, frame: Uint8Array): EventStreamHeaderValue;
}

/** Header value types of a fixed byte size: byte, short, integer, long, timestamp (ms), UUID. */
const FIXED_SIZE_VALUES: Readonly<Partial<Record<number, FixedSizeValue>>> = {
  2: { size: 1, read: (view, offset) => view.getInt8(offset) },
  3: { size: 2, read: (view, offset) => view.getInt16(offset) },
  4: { size: 4, read: (view, offset) => view.getInt32(offset) },
  5: { size: 8, read: (view, offset) => view.getBigInt64(offset) },
  8: { size: 8, read: (view, offset) => new Date(Number(view.getBigInt64(offset))) },
  9: { size: 16, read: (_view, offset, frame) => formatUuid(frame.subarray(offset, offset + 16)) },
};

function parseHeaders(frame: Uint8Array, view: DataView, start: number, end: number): Record<string, EventStreamHeaderValue> {
  const headers: Record<string, EventStreamHeaderValue> = {};
  let offset = start;
  const need = (count: number): void => {
    if (offset + count > end) throw new EventStreamFrameError('a header runs past the end of the headers section');
  };
  while (offset < end) {
    need(1);
    const nameLength = view.getUint8(offset);
    offset += 1;
    need(nameLength + 1);
    const name = utf8.decode(frame.subarray(offset, offset + nameLength));
    offset += nameLength;
    const type = view.getUint8(offset);
    offset += 1;
    if (type === 0 || type === 1) {
      headers[name] = type === 0;
      continue;
    }
    if (type === 6 || type === 7) {
      need(2);
      const length = view.getUint16(offset);
      offset += 2;
      need(length);
      const bytes = frame.subarray(offset, offset + length);
      headers[name] = type === 6 ? bytes.slice() : utf8.decode(bytes);
      offset += length;
      continue;
    }
    const fixed = FIXED_SIZE_VALUES[type];
    if (fixed === undefined) throw new EventStreamFrameError(`header "${name}" has unknown value type ${type}`);
    need(fixed.size);
    headers[name] = fixed.read(view, offset, frame);
    offset += fixed.size;
  }
  return headers;
}

function formatUuid(bytes: Uint8Array): string {
  const text = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
