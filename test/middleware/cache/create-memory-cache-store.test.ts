import { describe, expect, it } from 'vitest';
import { createMemoryCacheStore } from '../../../src/middleware/cache/create-memory-cache-store.js';
import { createFakeClock } from '../../support/fake-clock.js';

describe('createMemoryCacheStore', () => {
  it('serves an entry until its time to live has passed, then forgets it', async () => {
    const clock = createFakeClock();
    const store = createMemoryCacheStore({ maxEntries: 10, clock });
    await store.set('a', { text: 'one' }, 1_000);
    clock.advance(999);
    expect(await store.get('a')).toEqual({ text: 'one' });
    clock.advance(1);
    expect(await store.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry, counting reads as use', async () => {
    const clock = createFakeClock();
    const store = createMemoryCacheStore({ maxEntries: 2, clock });
    await store.set('a', 1, 10_000);
    await store.set('b', 2, 10_000);
    expect(await store.get('a')).toBe(1); // a is now the most recent
    await store.set('c', 3, 10_000); // evicts b
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe(1);
    expect(await store.get('c')).toBe(3);
  });

  it('replaces a value and renews its time to live on set; delete removes it', async () => {
    const clock = createFakeClock();
    const store = createMemoryCacheStore({ maxEntries: 2, clock });
    await store.set('a', 1, 100);
    clock.advance(90);
    await store.set('a', 2, 100);
    clock.advance(90);
    expect(await store.get('a')).toBe(2);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });

  it('keeps separate stores separate (state lives in the closure)', async () => {
    const first = createMemoryCacheStore({ maxEntries: 2 });
    const second = createMemoryCacheStore({ maxEntries: 2 });
    await first.set('k', 'first', 10_000);
    expect(await second.get('k')).toBeUndefined();
  });
});
