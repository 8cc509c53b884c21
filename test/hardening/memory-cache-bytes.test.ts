import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../src/index.js';
import { createMemoryCacheStore } from '../../src/middleware/cache/create-memory-cache-store.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

const MiB = 1024 * 1024;
const messages = [{ role: 'user' as const, content: 'Hi' }];

/** Bytes of `value` as JSON text in UTF-8: what the store counts. */
function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

async function kept(store: ReturnType<typeof createMemoryCacheStore>, keys: readonly string[]): Promise<string[]> {
  const present: string[] = [];
  for (const key of keys) if ((await store.get(key)) !== undefined) present.push(key);
  return present;
}

describe('createMemoryCacheStore is bounded by bytes', () => {
  it('works without arguments, with a 64 MiB total and 4 MiB per entry', async () => {
    const store = createMemoryCacheStore();
    const big = 'x'.repeat(4 * MiB - 100);
    const keys = Array.from({ length: 20 }, (_, index) => `k${index}`);
    for (const key of keys) await store.set(key, { text: big }, 60_000);
    const present = await kept(store, keys);
    // 20 entries of almost 4 MiB: only what fits in 64 MiB stays, the most recent ones.
    expect(present.length).toBeLessThanOrEqual(16);
    expect(present.length).toBeGreaterThan(10);
    expect(present.at(-1)).toBe('k19');
    expect(present.length * bytesOf({ text: big })).toBeLessThanOrEqual(64 * MiB);

    await store.set('too-big', { text: 'x'.repeat(4 * MiB) }, 60_000);
    expect(await store.get('too-big')).toBeUndefined();
  });

  it('does not store an entry above maxEntryBytes, and forgets the older value under that key', async () => {
    const store = createMemoryCacheStore({ maxEntryBytes: 1_000 });
    await store.set('a', { text: 'small' }, 60_000);
    expect(await store.get('a')).toEqual({ text: 'small' });
    await store.set('a', { text: 'y'.repeat(2_000) }, 60_000);
    expect(await store.get('a')).toBeUndefined();
    await store.set('b', { text: 'é'.repeat(600) }, 60_000); // 1,200 bytes in UTF-8, 600 characters
    expect(await store.get('b')).toBeUndefined();
  });

  it('evicts the least recently used entries until the total fits maxBytes', async () => {
    const store = createMemoryCacheStore({ maxBytes: 4_000, maxEntries: 100 });
    const value = (index: number) => ({ text: String(index).padEnd(990, '.') }); // about 1 KB each
    for (const index of [0, 1, 2]) await store.set(`k${index}`, value(index), 60_000);
    expect(await store.get('k0')).toEqual(value(0)); // k0 is now the most recent
    await store.set('k3', value(3), 60_000); // total above 4,000: k1 goes first
    await store.set('k4', value(4), 60_000);
    expect(await kept(store, ['k0', 'k1', 'k2', 'k3', 'k4'])).toEqual(['k0', 'k3', 'k4']);
  });

  it('rejects bad byte bounds by name', () => {
    expect(() => createMemoryCacheStore({ maxBytes: 0 })).toThrow(/maxBytes/);
    expect(() => createMemoryCacheStore({ maxEntryBytes: -1 })).toThrow(/maxEntryBytes/);
    expect(() => createMemoryCacheStore({ maxEntries: 1.5 })).toThrow(/maxEntries/);
  });
});

describe('the cache layer does not keep a huge answer', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('sends a call again when its answer was above 4 MiB, and serves a small one from the cache', async () => {
    const client = createClient({ providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-test' } }, cache: true });
    server.handle(sendJson(200, chatResponse('z'.repeat(5 * MiB))));
    const big = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user' as const, content: 'big' }] };
    expect(callInfo(await client.chat(big)).cache).toBe('miss');
    expect(callInfo(await client.chat(big)).cache).toBe('miss');
    expect(server.requests).toHaveLength(2);

    server.handle(sendJson(200, chatResponse('small')));
    await client.chat({ model: 'openai/gpt-4o-mini', messages });
    expect(callInfo(await client.chat({ model: 'openai/gpt-4o-mini', messages })).cache).toBe('hit');
    expect(server.requests).toHaveLength(3);
  });
});
