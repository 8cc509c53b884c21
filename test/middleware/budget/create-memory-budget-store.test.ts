import { describe, expect, it } from 'vitest';
import { createMemoryBudgetStore } from '../../../src/middleware/budget/create-memory-budget-store.js';
import { createFakeClock } from '../../support/fake-clock.js';

const scopes = [
  { key: 'global', limit: 1000 },
  { key: 'tag:a', limit: 300 },
];

describe('createMemoryBudgetStore leases', () => {
  it('frees a lease past its expiry, on the next reserve or read', async () => {
    const clock = createFakeClock(1_000_000);
    const store = createMemoryBudgetStore({ clock });
    expect(await store.reserve({ scopes, amount: 200, lease: { id: 'dead', ms: 500 }, force: false, ttlMs: undefined })).toMatchObject({ admitted: true });
    expect(await store.reserve({ scopes, amount: 200, lease: { id: 'next', ms: 500 }, force: false, ttlMs: undefined })).toMatchObject({ admitted: false });
    clock.advance(499);
    expect(await store.read('tag:a')).toEqual({ spent: 0, reserved: 200 });
    clock.advance(1);
    expect(await store.read('tag:a')).toEqual({ spent: 0, reserved: 0 });
    expect(await store.reserve({ scopes, amount: 200, lease: { id: 'next', ms: 500 }, force: false, ttlMs: undefined })).toMatchObject({ admitted: true });
    // The dead call finishing late releases nothing more; what it spent still counts.
    expect(await store.settle(['global', 'tag:a'], 'dead', 50, undefined)).toEqual([50, 50]);
    expect(await store.read('global')).toEqual({ spent: 50, reserved: 200 });
  });

  it('adds to a lease it already holds, and settling releases all of it', async () => {
    const clock = createFakeClock(0);
    const store = createMemoryBudgetStore({ clock });
    await store.reserve({ scopes, amount: 100, lease: { id: 'a', ms: 1000 }, force: false, ttlMs: undefined });
    expect(await store.reserve({ scopes, amount: 150, lease: { id: 'a', ms: 1000 }, force: false, ttlMs: undefined })).toMatchObject({ admitted: true });
    expect(await store.reserve({ scopes, amount: 100, lease: { id: 'a', ms: 1000 }, force: false, ttlMs: undefined })).toEqual({
      admitted: false,
      exceeded: { index: 1, spent: 0, reserved: 250 },
    });
    expect(await store.settle(['global', 'tag:a'], 'a', 120, undefined)).toEqual([120, 120]);
    expect(await store.read('tag:a')).toEqual({ spent: 120, reserved: 0 });
  });

  it('extends a live lease, never shortens it, and cannot revive an ended one', async () => {
    const clock = createFakeClock(0);
    const store = createMemoryBudgetStore({ clock });
    await store.reserve({ scopes, amount: 100, lease: { id: 'stream', ms: 1000 }, force: false, ttlMs: undefined });
    clock.advance(900);
    await store.extend(['global', 'tag:a'], 'stream', 1000);
    await store.extend(['global', 'tag:a'], 'stream', 10);
    clock.advance(500);
    expect(await store.read('global')).toEqual({ spent: 0, reserved: 100 });
    clock.advance(500);
    expect(await store.read('global')).toEqual({ spent: 0, reserved: 0 });
    await store.extend(['global', 'tag:a'], 'stream', 1000);
    expect(await store.read('global')).toEqual({ spent: 0, reserved: 0 });
  });
});
