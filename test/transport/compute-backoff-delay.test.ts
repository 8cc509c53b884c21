import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from '../../src/transport/compute-backoff-delay.js';

describe('computeBackoffDelay', () => {
  it('doubles from 500 ms and caps at 8 s', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => computeBackoffDelay(retry, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('jitters down by at most a quarter', () => {
    expect(computeBackoffDelay(1, () => 1)).toBe(750);
    expect(computeBackoffDelay(1, () => 0.5)).toBe(875);
  });
});
