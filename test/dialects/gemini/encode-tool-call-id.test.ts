import { describe, expect, it } from 'vitest';
import { decodeThoughtSignature, encodeToolCallId } from '../../../src/dialects/gemini/encode-tool-call-id.js';

describe('encodeToolCallId / decodeThoughtSignature', () => {
  it('round-trips a signature through an id made only of [A-Za-z0-9_-]', () => {
    const signature = '+/+/CiQB/u8=';
    const id = encodeToolCallId('call_r_0', signature);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeThoughtSignature(id)).toBe(signature);
  });

  it('leaves ids without a signature alone', () => {
    expect(encodeToolCallId('call_r_1', undefined)).toBe('call_r_1');
    expect(decodeThoughtSignature('call_r_1')).toBeUndefined();
    expect(decodeThoughtSignature('toolu_01A')).toBeUndefined();
  });
});
