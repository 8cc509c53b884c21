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

describe('observeStream: edge cases of next()', () => {
  const iterable = <T>(iterator: AsyncIterator<T>): AsyncIterable<T> => ({ [Symbol.asyncIterator]: () => iterator });

  it('turns a synchronous throw of the inner next() into a rejection, reported once as failed', async () => {
    const outcomes: StreamOutcome[] = [];
    const broken = new Error('sync');
    const observed = observeStream(
      iterable<number>({
        next: () => {
          throw broken;
        },
      }),
      { onEnd: (outcome) => void outcomes.push(outcome) },
    );
    const iterator = observed[Symbol.asyncIterator]();
    const pending = iterator.next();
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBe(broken);
    expect(outcomes).toEqual([{ status: 'failed', error: broken }]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('rejects with what onEnd throws, at the end and after a failure', async () => {
    const ending = new Error('onEnd failed');
    const { stream } = source([1]);
    const iterator = observeStream(stream, { onEnd: () => Promise.reject(ending) })[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    await expect(iterator.next()).rejects.toBe(ending);
    const failing = source([1], 0);
    await expect(observeStream(failing.stream, { onEnd: () => Promise.reject(ending) })[Symbol.asyncIterator]().next()).rejects.toBe(ending);
  });

  it('rejects the item whose onItem throws, without ending the stream', async () => {
    const outcomes: StreamOutcome[] = [];
    const { stream } = source([1, 2]);
    const iterator = observeStream(stream, {
      onItem: (item) => {
        if (item === 1) throw new Error('observer broke');
      },
      onEnd: (outcome) => void outcomes.push(outcome),
    })[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow('observer broke');
    expect(outcomes).toEqual([]);
    expect(await iterator.next()).toEqual({ done: false, value: 2 });
  });

  it('accepts an inner next() that answers with a thenable', async () => {
    let calls = 0;
    const observed = observeStream(
      iterable<number>({
        next: () => {
          calls += 1;
          const result: IteratorResult<number> = calls === 1 ? { done: false, value: 7 } : { done: true, value: undefined };
          return { then: (resolve: (value: IteratorResult<number>) => void) => resolve(result) } as unknown as Promise<IteratorResult<number>>;
        },
      }),
      { onEnd: () => {} },
    );
    const all: number[] = [];
    for await (const item of observed) all.push(item);
    expect(all).toEqual([7]);
  });
});
