import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertToCanonicalJson } from '../../../src/middleware/cache/convert-to-canonical-json.js';
import { createCacheKey } from '../../../src/middleware/cache/create-cache-key.js';

const request = { model: 'groq/llama', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.2 };

describe('convertToCanonicalJson', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(convertToCanonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('refuses values that are not plain data', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(convertToCanonicalJson(cyclic)).toBeUndefined();
    expect(convertToCanonicalJson({ file: new Blob(['x']) })).toBeUndefined();
    expect(convertToCanonicalJson({ n: Number.NaN })).toBeUndefined();
    expect(convertToCanonicalJson({ f: () => 1 })).toBeUndefined();
  });

  it('gives the same text for any key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(convertToCanonicalJson(reversed)).toBe(convertToCanonicalJson(record));
        expect(JSON.parse(convertToCanonicalJson(record) as string)).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });
});

describe('createCacheKey', () => {
  it('is a stable SHA-256 hex of the operation and the canonical request', async () => {
    const key = await createCacheKey('chat', request);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await createCacheKey('chat', { temperature: 0.2, messages: request.messages, model: 'groq/llama' })).toBe(key);
  });

  it('differs by operation, model string, messages and every parameter', async () => {
    const key = await createCacheKey('chat', request);
    const others = await Promise.all([
      createCacheKey('embed', request),
      createCacheKey('chatStream', request),
      createCacheKey('chat', { ...request, model: 'llama' }),
      createCacheKey('chat', { ...request, messages: [{ role: 'user', content: 'Hi!' }] }),
      createCacheKey('chat', { ...request, temperature: 0.3 }),
      createCacheKey('chat', { ...request, seed: 1 }),
    ]);
    expect(new Set([key, ...others]).size).toBe(7);
  });

  it('is undefined for a request that is not plain data', async () => {
    expect(await createCacheKey('chat', { ...request, file: new Blob(['x']) })).toBeUndefined();
  });
});
