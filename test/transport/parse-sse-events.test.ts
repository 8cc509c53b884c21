import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSseEvents } from '../../src/transport/parse-sse-events.js';

function streamOf(parts: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

async function collect(parts: readonly Uint8Array[]): Promise<Array<{ event: string | undefined; data: string }>> {
  const events = [];
  for await (const event of parseSseEvents(streamOf(parts))) events.push({ event: event.event, data: event.data });
  return events;
}

/** Cuts `bytes` at the given offsets (sorted, deduplicated, in range). */
function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    parts.push(bytes.slice(start, point));
    start = point;
  }
  return parts;
}

const SAMPLE =
  ': keep-alive comment\n\n' +
  'data: {"choices":[{"index":0,"delta":{"content":"héllo 👋 世界"}}]}\n\n' +
  'event: error\ndata: {"error":{"message":"x"}}\n\n' +
  'data: line one\r\ndata: line two\r\n\r\n' +
  'data: [DONE]\n\n';

describe('parseSseEvents', () => {
  it('parses events, comments, event names, multi-line data and CRLF', async () => {
    const events = await collect([new TextEncoder().encode(SAMPLE)]);
    expect(events).toEqual([
      { event: undefined, data: '{"choices":[{"index":0,"delta":{"content":"héllo 👋 世界"}}]}' },
      { event: 'error', data: '{"error":{"message":"x"}}' },
      { event: undefined, data: 'line one\nline two' },
      { event: undefined, data: '[DONE]' },
    ]);
  });

  it('delivers a final event that lacks its blank line', async () => {
    const events = await collect([new TextEncoder().encode('data: {"a":1}\n\ndata: [DONE]')]);
    expect(events.map((event) => event.data)).toEqual(['{"a":1}', '[DONE]']);
  });

  it('yields the same events whole, byte by byte, or in random splits (multi-byte UTF-8 included)', async () => {
    const payload = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !/[\r\n]/.test(text));
    await fc.assert(
      fc.asyncProperty(fc.array(payload, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 30 }), async (texts, cuts) => {
        const source = texts.map((text) => `data: ${JSON.stringify({ text })}\n\n`).join('') + 'data: [DONE]\n\n';
        const bytes = new TextEncoder().encode(source);
        const whole = await collect([bytes]);
        const byteByByte = await collect(Array.from(bytes, (byte) => Uint8Array.of(byte)));
        const randomly = await collect(split(bytes, cuts));
        expect(whole.map((event) => event.data)).toEqual([...texts.map((text) => JSON.stringify({ text })), '[DONE]']);
        expect(byteByByte).toEqual(whole);
        expect(randomly).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: {"n":1}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of parseSseEvents(body)) {
      expect(event.data).toBe('{"n":1}');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
