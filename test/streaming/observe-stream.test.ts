import { describe, expect, it } from 'vitest';
import { observeStream, type StreamOutcome } from '../../src/streaming/observe-stream.js';

function source(items: readonly number[], failAt?: number) {
  const log: string[] = [];
  async function* generate(): AsyncGenerator<number> {
    try {
      for (const [index, item] of items.entries()) {
        if (index === failAt) throw new Error('broken');
        log.push(`pull ${item}`);
        yield item;
      }
    } finally {
      log.push('source closed');
    }
  }
  return { stream: generate(), log };
}

describe('observeStream', () => {
  it('passes items lazily and reports completion once', async () => {
    const { stream, log } = source([1, 2]);
    const outcomes: StreamOutcome[] = [];
    const seen: number[] = [];
    const observed = observeStream(stream, { onItem: (item) => seen.push(item), onEnd: (outcome) => void outcomes.push(outcome) });
    expect(log).toEqual([]);
    const all: number[] = [];
    for await (const item of observed) all.push(item);
    expect(all).toEqual([1, 2]);
    expect(seen).toEqual([1, 2]);
    expect(outcomes).toEqual([{ status: 'completed' }]);
  });

  it('forwards return() (break) to the source and reports abandonment, even before the first item', async () => {
    const early = source([1, 2]);
    const outcomes: StreamOutcome[] = [];
    const iterator = observeStream(early.stream, { onEnd: (outcome) => void outcomes.push(outcome) })[Symbol.asyncIterator]();
    await iterator.return?.();
    expect(outcomes).toEqual([{ status: 'abandoned' }]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });

    const late = source([1, 2, 3]);
    for await (const _item of observeStream(late.stream, { onEnd: (outcome) => void outcomes.push(outcome) })) break;
    expect(late.log).toEqual(['pull 1', 'source closed']);
    expect(outcomes).toEqual([{ status: 'abandoned' }, { status: 'abandoned' }]);
  });

  it('throws an error once, reports it, and awaits an async onEnd before the consumer continues', async () => {
    const { stream } = source([1, 2], 1);
    const order: string[] = [];
    const iterator = observeStream(stream, {
      onEnd: async (outcome) => {
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`end ${outcome.status}`);
      },
    })[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next().catch((error: Error) => order.push(`caught ${error.message}`));
    expect(order).toEqual(['end failed', 'caught broken']);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await iterator.return?.();
    expect(order).toEqual(['end failed', 'caught broken']);
  });
});
