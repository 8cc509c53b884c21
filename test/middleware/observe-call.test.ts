import { describe, expect, it } from 'vitest';
import { observeCall, type CallOutcome } from '../../src/middleware/observe-call.js';

/** A stream of `items` that records what its consumer did; `failAfter` throws after that many items. */
function source(items: readonly string[], failAfter?: number) {
  const state = { pulled: 0, returned: false };
  const stream: AsyncIterable<string> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        if (failAfter !== undefined && state.pulled === failAfter) throw new Error('stream broke');
        const value = items[state.pulled];
        if (value === undefined) return { done: true, value: undefined };
        state.pulled += 1;
        return { done: false, value };
      },
      return: async () => {
        state.returned = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return { stream, state };
}

function recorder() {
  const outcomes: CallOutcome[] = [];
  const items: unknown[] = [];
  return { outcomes, items, observer: { onItem: (item: unknown) => void items.push(item), onEnd: (outcome: CallOutcome) => void outcomes.push(outcome) } };
}

describe('observeCall', () => {
  it('settles a unary call once with its result', async () => {
    const { outcomes, items, observer } = recorder();
    expect(await observeCall(() => Promise.resolve({ id: 1 }), false, observer)).toEqual({ id: 1 });
    expect(outcomes).toEqual([{ status: 'returned', result: { id: 1 } }]);
    expect(items).toEqual([]);
  });

  it('settles a rejected call, or one that throws before returning, once, then rethrows', async () => {
    const { outcomes, observer } = recorder();
    const error = new Error('no');
    await expect(observeCall(() => Promise.reject(error), true, observer)).rejects.toBe(error);
    await expect(
      observeCall(() => {
        throw error;
      }, false, observer),
    ).rejects.toBe(error);
    expect(outcomes).toEqual([{ status: 'rejected', error }, { status: 'rejected', error }]);
  });

  it('settles a stream once when it ends, after every item passed', async () => {
    const { outcomes, items, observer } = recorder();
    const { stream } = source(['a', 'b']);
    const observed = (await observeCall(() => Promise.resolve(stream), true, observer)) as AsyncIterable<string>;
    expect(outcomes).toEqual([]);
    const seen: string[] = [];
    for await (const item of observed) seen.push(item);
    expect(seen).toEqual(['a', 'b']);
    expect(items).toEqual(['a', 'b']);
    expect(outcomes).toEqual([{ status: 'completed' }]);
  });

  it('settles a stream that throws once, before the consumer sees the error', async () => {
    const { outcomes, observer } = recorder();
    const { stream } = source(['a', 'b'], 1);
    const iterator = ((await observeCall(() => Promise.resolve(stream), true, observer)) as AsyncIterable<string>)[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: 'a' });
    await expect(iterator.next()).rejects.toThrow('stream broke');
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(outcomes).toEqual([{ status: 'failed', error: new Error('stream broke') }]);
  });

  it('settles an abandoned stream (break, return()) once and cancels the source', async () => {
    const { outcomes, observer } = recorder();
    const { stream, state } = source(['a', 'b', 'c']);
    const observed = (await observeCall(() => Promise.resolve(stream), true, observer)) as AsyncIterable<string>;
    for await (const _item of observed) break;
    expect(state.returned).toBe(true);
    expect(outcomes).toEqual([{ status: 'abandoned' }]);
  });

  it('waits for an asynchronous onEnd before the caller sees the result or the error', async () => {
    const order: string[] = [];
    const onEnd = () => new Promise<void>((resolve) => setTimeout(() => resolve(void order.push('settled')), 5));
    await observeCall(() => Promise.resolve('ok'), false, { onEnd }).then(() => order.push('result'));
    await observeCall(() => Promise.reject(new Error('no')), false, { onEnd }).catch(() => order.push('error'));
    expect(order).toEqual(['settled', 'result', 'settled', 'error']);
  });

  it('treats a stream operation whose result is not iterable as unary', async () => {
    const { outcomes, observer } = recorder();
    await observeCall(() => Promise.resolve({ cached: true }), true, observer);
    expect(outcomes).toEqual([{ status: 'returned', result: { cached: true } }]);
  });
});
