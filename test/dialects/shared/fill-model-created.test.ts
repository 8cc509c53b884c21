import { describe, expect, it } from 'vitest';
import { fillModelCreated } from '../../../src/dialects/shared/fill-model-created.js';

describe('fillModelCreated', () => {
  it('gives 0 to a model without a creation time (absent or null) and keeps the ones given', () => {
    const list = { object: 'list', data: [{ id: 'a', created: 1_700_000_000 }, { id: 'b' }, { id: 'c', created: null }] };
    expect(fillModelCreated(list)).toEqual({ object: 'list', data: [{ id: 'a', created: 1_700_000_000 }, { id: 'b', created: 0 }, { id: 'c', created: 0 }] });
  });

  it('returns a complete list as it is', () => {
    const list = { object: 'list', data: [{ id: 'a', created: 1 }] };
    expect(fillModelCreated(list)).toBe(list);
  });
});
