import { describe, expect, it } from 'vitest';

import { memoizeImport } from '../../src/loading/memoize-import.js';

describe('memoizeImport', () => {
  it('runs the load once for every caller', async () => {
    let runs = 0;
    const load = memoizeImport(async () => {
      runs += 1;
      return { value: 42 };
    });
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    expect(await load()).toBe(first);
    expect(runs).toBe(1);
  });

  it('tries again after a failed load instead of failing forever', async () => {
    let runs = 0;
    const load = memoizeImport(async () => {
      runs += 1;
      if (runs === 1) throw new Error('chunk not found');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('chunk not found');
    await expect(load()).resolves.toBe('loaded');
    await expect(load()).resolves.toBe('loaded');
    expect(runs).toBe(2);
  });
});
