import { describe, expect, it } from 'vitest';
import { createPartialText, MAX_PARTIAL_CONTENT } from '../../src/streaming/create-partial-text.js';

describe('createPartialText', () => {
  it('keeps 1 MiB per choice by default', () => {
    expect(MAX_PARTIAL_CONTENT).toBe(1_048_576);
  });

  it('keeps text per choice up to the bound, counts the rest, and says which choice was cut', () => {
    const partial = createPartialText(5);
    partial.add(0, 'abc');
    partial.add(1, 'xy');
    partial.add(0, 'defg');
    partial.add(0, 'h');
    expect(partial.content(0)).toBe('abcde');
    expect(partial.truncated(0)).toBe(true);
    expect(partial.content(1)).toBe('xy');
    expect(partial.truncated(1)).toBe(false);
    expect(partial.content(2)).toBe('');
    expect(partial.received).toBe(10);
  });

  it('never splits a surrogate pair at the cut', () => {
    const partial = createPartialText(4);
    partial.add(0, 'abc😀');
    expect(partial.content(0)).toBe('abc');
    expect(partial.truncated(0)).toBe(true);
  });
});
