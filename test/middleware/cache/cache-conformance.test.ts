import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../../support/mock-server.js';
import { createCacheConformanceSetup } from './cache-conformance.js';
import { runWithSetup, type MiniFixture } from './conformance-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const input = { model: 'gpt-4', messages: [{ role: 'user', content: 'Hello' }] };

describe('createCacheConformanceSetup', () => {
  it('observes cache_hit for a repeated chat, asserting on the cached copy', async () => {
    server.handle(sendJson(200, chatResponse('Hi there!')));
    const fixture: MiniFixture = {
      call: 'chat',
      input,
      assertions: [
        { type: 'not_error' },
        { type: 'is_true', field: 'cache_hit' },
        { type: 'equals', field: 'choices[0].message.content', value: 'Hi there!' },
      ],
    };
    expect(await runWithSetup(server, fixture, createCacheConformanceSetup(fixture))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('reports cache_hit false when the second call was not a hit', async () => {
    server.handle(sendJson(500, { error: { message: 'no' } }));
    const fixture: MiniFixture = { call: 'chat', input, assertions: [{ type: 'is_true', field: 'cache_hit' }] };
    expect(await runWithSetup(server, fixture, createCacheConformanceSetup(fixture))).not.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('observes cache_bypassed for streams', async () => {
    server.handle(sendSse([chatChunk('Hello'), chatChunk(undefined, 'stop')]));
    const fixture: MiniFixture = {
      call: 'chat_stream',
      input,
      assertions: [{ type: 'not_error' }, { type: 'is_true', field: 'cache_bypassed' }, { type: 'equals', field: 'stream_content', value: 'Hello' }],
    };
    expect(await runWithSetup(server, fixture, createCacheConformanceSetup(fixture))).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });
});
