import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInfo, createClient, getModelInfo } from '../../../src/index.js';
import { ConfigurationError } from '../../../src/errors/error-classes.js';
import type { Next } from '../../../src/call/call-context.js';
import { createCostTrackingMiddleware } from '../../../src/middleware/cost/create-cost-tracking-middleware.js';
import { loadPricingTable } from '../../../src/middleware/cost/load-pricing-table.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../../support/mock-server.js';
import { collect } from '../../support/fake-stream.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { createFakeStream } from './create-fake-stream.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

const GPT_4O = { input: 2.5, output: 10 };

describe('createCostTrackingMiddleware (unit)', () => {
  const middleware = createCostTrackingMiddleware(true, { clock: createFakeClock(Date.UTC(2025, 5, 1, 12)) });

  it('is a named function that sets costUsd from the reported usage', async () => {
    expect(middleware.name).toBe('costTracking');
    const context = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-4o', messages: [] } });
    const response = { id: 'r' };
    const next: Next = async (inner) => {
      inner.info.usage = { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 };
      return response;
    };
    expect(await middleware(context, next)).toBe(response);
    expect(context.info.costUsd).toBeCloseTo((1000 * GPT_4O.input + 100 * GPT_4O.output) / 1e6, 12);
    expect(context.info.warnings).toEqual([]);
  });

  it('leaves costUsd undefined with a warning for an unknown model or missing usage', async () => {
    const unknown = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-nonexistent', messages: [] } });
    await middleware(unknown, async (inner) => {
      inner.info.usage = { prompt_tokens: 10, completion_tokens: 10 };
      return {};
    });
    expect(unknown.info.costUsd).toBeUndefined();
    expect(unknown.info.warnings).toEqual([expect.stringMatching(/no price known for openai\/gpt-nonexistent/)]);

    const noUsage = fakeCallContext({ operation: 'embed', request: { model: 'openai/text-embedding-3-small', input: 'x' } });
    await middleware(noUsage, async () => ({}));
    expect(noUsage.info.costUsd).toBeUndefined();
    expect(noUsage.info.warnings).toEqual([expect.stringMatching(/reported no token usage/)]);
  });

  it('charges 0 for a cache hit and leaves unpriced operations alone', async () => {
    const hit = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-4o', messages: [] } });
    await middleware(hit, async (inner) => {
      inner.info.cache = 'hit';
      inner.info.usage = { prompt_tokens: 1000, completion_tokens: 100 };
      return {};
    });
    expect(hit.info.costUsd).toBe(0);
    const files = fakeCallContext({ operation: 'files.list', request: { model: 'openai/gpt-4o' } });
    await middleware(files, async () => ({ data: [] }));
    expect(files.info.costUsd).toBeUndefined();
    expect(files.info.warnings).toEqual([]);
  });

  it('uses the served route (info.provider/model), not the requested one', async () => {
    const context = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-4o', messages: [] } });
    await middleware(context, async (inner) => {
      inner.info.provider = 'anthropic';
      inner.info.model = 'claude-sonnet-4-20250514';
      inner.info.usage = { prompt_tokens: 1000, completion_tokens: 0 };
      return {};
    });
    expect(context.info.costUsd).toBeCloseTo(0.003, 12);
  });

  it('prices a stream when it ends, without reading ahead, from the final usage', async () => {
    const context = fakeCallContext({ operation: 'chatStream', request: { model: 'openai/gpt-4o', messages: [] } });
    const { stream, state } = createFakeStream(context, ['a', 'b', 'c'], { usage: { prompt_tokens: 2000, completion_tokens: 300 } });
    const wrapped = (await middleware(context, async () => stream)) as AsyncIterable<unknown>;
    expect(state.pulled).toBe(0);
    const iterator = wrapped[Symbol.asyncIterator]();
    await iterator.next();
    expect(state.pulled).toBe(1);
    expect(context.info.costUsd).toBeUndefined();
    while ((await iterator.next()).done !== true);
    expect(context.info.costUsd).toBeCloseTo((2000 * GPT_4O.input + 300 * GPT_4O.output) / 1e6, 12);
    expect(context.info.warnings).toEqual([]);
  });

  it('estimates a partial stream (break) from the text sent and received, and cancels the source', async () => {
    const content = 'x'.repeat(400);
    const context = fakeCallContext({ operation: 'chatStream', request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content }] } });
    const { stream, state } = createFakeStream(context, ['y'.repeat(80), 'y'.repeat(80), 'never read']);
    const wrapped = (await middleware(context, async () => stream)) as AsyncIterable<unknown>;
    let seen = 0;
    for await (const _chunk of wrapped) {
      seen += 1;
      if (seen === 2) break;
    }
    expect(state.returned).toBe(true);
    expect(state.pulled).toBe(2);
    // 400 chars of content / 4 = 100 input tokens (roles are not text); 160 chars / 4 = 40 output tokens.
    expect(context.info.costUsd).toBeCloseTo((100 * GPT_4O.input + 40 * GPT_4O.output) / 1e6, 12);
    expect(context.info.warnings).toEqual([expect.stringMatching(/estimated/)]);
  });

  it('throws a stream error once and still records the cost of what was consumed', async () => {
    const context = fakeCallContext({ operation: 'chatStream', request: { model: 'openai/gpt-4o', messages: [] } });
    const { stream } = createFakeStream(context, ['abcd', 'efgh', 'ijkl'], { failAfter: 1 });
    const wrapped = (await middleware(context, async () => stream)) as AsyncIterable<unknown>;
    const iterator = wrapped[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.next()).rejects.toThrow('stream broke');
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(context.info.costUsd).toBeCloseTo((0 * GPT_4O.input + 1 * GPT_4O.output) / 1e6, 12);
  });

  it('does not estimate when estimateStreams is false', async () => {
    const strict = createCostTrackingMiddleware({ estimateStreams: false });
    const context = fakeCallContext({ operation: 'chatStream', request: { model: 'openai/gpt-4o', messages: [] } });
    const { stream } = createFakeStream(context, ['abcd']);
    await collect((await strict(context, async () => stream)) as AsyncIterable<unknown>);
    expect(context.info.costUsd).toBeUndefined();
    expect(context.info.warnings).toEqual([expect.stringMatching(/no token usage/)]);
  });

  it('reports a price table that fails to load as a warning, not a failed call', async () => {
    const broken = createCostTrackingMiddleware(true, { loadTable: () => Promise.reject(new Error('gone')) });
    const context = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-4o', messages: [] } });
    expect(await broken(context, async () => ({ ok: 1 }))).toEqual({ ok: 1 });
    expect(context.info.warnings).toEqual([expect.stringMatching(/could not be loaded/)]);
  });

  it('propagates errors of the call untouched', async () => {
    const context = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-4o', messages: [] } });
    const failure = new Error('503');
    await expect(middleware(context, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(context.info.costUsd).toBeUndefined();
  });

  it('uses custom prices and rejects bad options naming the field', async () => {
    const custom = createCostTrackingMiddleware({ prices: { 'openai/my-finetune': { input: 1, output: 2 } } });
    const context = fakeCallContext({ operation: 'chat', request: { model: 'openai/my-finetune', messages: [] } });
    await custom(context, async (inner) => {
      inner.info.usage = { prompt_tokens: 1e6, completion_tokens: 1e6 };
      return {};
    });
    expect(context.info.costUsd).toBe(3);
    expect(() => createCostTrackingMiddleware({ prices: { 'openai/x': { input: -1 } } })).toThrow(ConfigurationError);
    expect(() => createCostTrackingMiddleware({ prices: { 'openai/x': { input: -1 } } })).toThrow('costTracking.prices["openai/x"].input');
    expect(() => createCostTrackingMiddleware({ prices: { nomodel: {} } })).toThrow(/keys are "provider\/model"/);
    expect(() => createCostTrackingMiddleware({ prices: { 'a/b': { inptu: 1 } as never } })).toThrow('costTracking.prices["a/b"].inptu');
    expect(() => createCostTrackingMiddleware({ estimateStreams: 'yes' as never })).toThrow('costTracking.estimateStreams');
  });
});

describe('createCostTrackingMiddleware (through createClient)', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
    await loadPricingTable();
  });
  afterAll(() => mock.close());

  const client = () =>
    createClient({ providers: { openai: { baseURL: mock.url, apiKey: 'k' } }, maxRetries: 0, middleware: [createCostTrackingMiddleware(true)] });

  it('attaches costUsd to a chat result', async () => {
    mock.handle(sendJson(200, chatResponse('hi', { model: 'gpt-4o', usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 } })));
    const response = await client().chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(callInfo(response)).toMatchObject({ provider: 'openai', model: 'gpt-4o', costUsd: expect.closeTo(0.0035, 12) });
  });

  it('attaches costUsd to a stream once it has ended', async () => {
    mock.handle(
      sendSse([
        chatChunk('Hel'),
        chatChunk('lo', 'stop'),
        { ...chatChunk(undefined), choices: [], usage: { prompt_tokens: 2000, completion_tokens: 50, total_tokens: 2050 } },
      ]),
    );
    const stream = client().chatStream({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    const chunks = await stream.toArray();
    expect(chunks.length).toBe(3);
    expect(callInfo(stream).costUsd).toBeCloseTo((2000 * 2.5 + 50 * 10) / 1e6, 12);
    expect(callInfo(stream).complete).toBe(true);
  });

  it('prices a gateway call with a bare model name through the registry prefix rules', async () => {
    mock.handle(sendJson(200, chatResponse('hi', { model: 'gpt-4o', usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 } })));
    const gateway = createClient({ baseURL: mock.url, apiKey: 'k', maxRetries: 0, costTracking: true });
    const response = await gateway.chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(callInfo(response)).toMatchObject({ provider: 'gateway', model: 'gpt-4o', costUsd: expect.closeTo(0.0035, 12) });
    expect(callInfo(response).warnings).toEqual([]);
  });

  it('prices a model genai-prices does not know from the model catalogue', async () => {
    // chutes bills its own prices, which genai-prices does not carry and models.dev lists.
    const listed = await getModelInfo('chutes/Qwen/Qwen3-32B-TEE');
    expect(listed?.prices).toBeDefined();
    mock.handle(sendJson(200, chatResponse('hi', { usage: { prompt_tokens: 1_000_000, completion_tokens: 1_000_000, total_tokens: 2_000_000 } })));
    const chutes = createClient({ providers: { chutes: { baseURL: mock.url, apiKey: 'k' } }, maxRetries: 0, costTracking: true });
    const response = await chutes.chat({ model: 'chutes/Qwen/Qwen3-32B-TEE', messages: [{ role: 'user', content: 'hi' }] });
    expect(callInfo(response).costUsd).toBeCloseTo((listed?.prices?.input ?? NaN) + (listed?.prices?.output ?? NaN), 12);
  });
});

