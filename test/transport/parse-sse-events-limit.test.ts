import { describe, expect, it } from 'vitest';
import { StreamError } from '../../src/errors/error-classes.js';
import { MAX_SSE_EVENT_SIZE, parseSseEvents } from '../../src/transport/parse-sse-events.js';

function bodyOf(parts: readonly string[]): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  const encoder = new TextEncoder();
  let index = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[index];
      index += 1;
      if (part === undefined) controller.close();
      else controller.enqueue(encoder.encode(part));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

describe('parseSseEvents size limit', () => {
  it('defaults to 4 MiB', () => {
    expect(MAX_SSE_EVENT_SIZE).toBe(4 * 1024 * 1024);
  });

  it('throws StreamError naming the limit when one event outgrows it, and cancels the body', async () => {
    const { body, cancelled } = bodyOf(['data: ', 'x'.repeat(600), 'x'.repeat(600), '\n\n']);
    const read = async (): Promise<void> => {
      for await (const event of parseSseEvents(body, 1000)) void event;
    };
    await expect(read()).rejects.toThrow(StreamError);
    await expect(parseSseEvents(bodyOf(['data: ', 'x'.repeat(1200)]).body, 1000).next()).rejects.toThrow('maximum event size of 1000');
    expect(cancelled()).toBe(true);
  });

  it('counts each event on its own: many small events pass however long the stream', async () => {
    const parts = Array.from({ length: 50 }, (_, index) => `data: ${'y'.repeat(100)}${index}\n\n`);
    const events: string[] = [];
    for await (const event of parseSseEvents(bodyOf(parts).body, 1000)) events.push(event.data);
    expect(events).toHaveLength(50);
  });
});
