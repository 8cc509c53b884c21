import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../src/index.js';
import { createCacheMiddleware } from '../../../src/middleware/cache/create-cache-middleware.js';
import { createRedisCacheStore } from '../../../src/middleware/cache/create-redis-cache-store.js';
import type { Next } from '../../../src/call/call-context.js';
import { connectTestRedis, redisAvailable, type TestRedis } from '../../support/redis.js';
import { collect } from '../../support/fake-stream.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

let redis: TestRedis | undefined;

beforeAll(async () => {
  if (redisAvailable) redis = await connectTestRedis();
});
afterAll(async () => {
  await redis?.close();
});

const connection = (): TestRedis => {
  if (redis === undefined) throw new Error('no Redis connection');
  return redis;
};

describe('createRedisCacheStore', () => {
  it.skipIf(!redisAvailable)('stores JSON under the prefix with a PX time to live', async () => {
    const { client, prefix } = connection();
    const store = createRedisCacheStore(client, { prefix });
    await store.set('k1', { text: 'hi', n: [1, 2] }, 60_000);
    expect(await store.get('k1')).toEqual({ text: 'hi', n: [1, 2] });
    expect(await client.sendCommand(['GET', `${prefix}k1`])).toBe('{"text":"hi","n":[1,2]}');
    const ttl = Number(await client.sendCommand(['PTTL', `${prefix}k1`]));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await store.delete('k1');
    expect(await store.get('k1')).toBeUndefined();
    expect(await store.get('never-set')).toBeUndefined();
  });

  it.skipIf(!redisAvailable)('lets Redis expire entries', async () => {
    const { client, prefix } = connection();
    const store = createRedisCacheStore(client, { prefix });
    await store.set('short', 1, 1);
    // Redis expires within its own clock; poll with a generous upper bound.
    const deadline = Date.now() + 5_000;
    while ((await store.get('short')) !== undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.get('short')).toBeUndefined();
  });

  it.skipIf(!redisAvailable)('shares entries between two cache layers (two processes) on one server, streams included', async () => {
    const { client, prefix } = connection();
    const first = createCacheMiddleware({ store: createRedisCacheStore(client, { prefix }), streams: true });
    const second = createCacheMiddleware({ store: createRedisCacheStore(client, { prefix }), streams: true });
    let calls = 0;
    const upstream: Next = async (context) => {
      calls += 1;
      context.info.usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
      if (context.operation === 'chatStream') {
        return (async function* () {
          yield { id: 's', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: 'shared' }, finish_reason: 'stop' }] } as ChatCompletionChunk;
        })();
      }
      return { id: 'r', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'shared' }, finish_reason: 'stop' }] };
    };
    const request = { model: 'groq/llama', messages: [{ role: 'user', content: `redis ${prefix}` }] };
    await first(fakeCallContext({ operation: 'chat', request }), upstream);
    const context = fakeCallContext({ operation: 'chat', request });
    expect(await second(context, upstream)).toMatchObject({ id: 'r', choices: [{ message: { content: 'shared' } }] });
    expect(context.info).toMatchObject({ cache: 'hit', usage: { total_tokens: 2 } });

    await collect((await first(fakeCallContext({ operation: 'chatStream', request }), upstream)) as AsyncIterable<ChatCompletionChunk>);
    const streamed = fakeCallContext({ operation: 'chatStream', request });
    const chunks = await collect((await second(streamed, upstream)) as AsyncIterable<ChatCompletionChunk>);
    expect(streamed.info.cache).toBe('hit');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('shared');
    expect(calls).toBe(2);
  });
});
