import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/index.js';
import { RateLimitedError } from '../../../src/errors/error-classes.js';
import { createCostTrackingMiddleware } from '../../../src/middleware/cost/create-cost-tracking-middleware.js';
import { createTracingMiddleware } from '../../../src/middleware/tracing/create-tracing-middleware.js';
import type { TracingTracer } from '../../../src/middleware/tracing/tracing-types.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../../support/mock-server.js';
import { createFakeStream } from '../cost/create-fake-stream.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
// Compile-time check: an OpenTelemetry Tracer fits the structural type as is.
const tracer: TracingTracer = provider.getTracer('liter-llm-test');
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
const onlySpan = (): ReadableSpan => {
  expect(spans().length).toBe(1);
  return spans()[0] as ReadableSpan;
};

beforeEach(() => exporter.reset());

describe('createTracingMiddleware (unit)', () => {
  const middleware = createTracingMiddleware({ tracer });

  it('records a chat call after the GenAI conventions', async () => {
    expect(middleware.name).toBe('tracing');
    const context = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'secret prompt' }], temperature: 0.2, max_tokens: 64, top_p: 0.9, stop: 'END' } });
    await middleware(context, async (inner) => {
      inner.info.usage = { prompt_tokens: 11, completion_tokens: 7 };
      inner.info.costUsd = 0.0001;
      inner.info.attempts = 2;
      return chatResponse('hi', { id: 'chatcmpl-1', model: 'gpt-4o-2024-08-06' });
    });
    const span = onlySpan();
    expect(span.name).toBe('chat gpt-4o');
    expect(span.kind).toBe(SPAN_KIND_CLIENT);
    expect(span.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.max_tokens': 64,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.stop_sequences': ['END'],
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 11,
      'gen_ai.usage.output_tokens': 7,
      'liter_llm.cost_usd': 0.0001,
      'liter_llm.cache': 'bypass',
      'liter_llm.attempts': 2,
    });
    expect(JSON.stringify(span.attributes)).not.toContain('secret prompt');
  });

  it('marks failures with error.type (the kind), without the error message', async () => {
    const context = fakeCallContext({ operation: 'embed', request: { model: 'openai/text-embedding-3-small', input: 'x' } });
    const failure = new RateLimitedError('429 from provider: body echoes sk-live-123', { provider: 'openai' });
    await expect(middleware(context, () => Promise.reject(failure))).rejects.toBe(failure);
    const span = onlySpan();
    expect(span.name).toBe('embeddings text-embedding-3-small');
    expect(span.attributes['error.type']).toBe('RateLimited');
    expect(span.status).toEqual({ code: STATUS_ERROR, message: 'RateLimited' });
    expect(JSON.stringify({ attributes: span.attributes, events: span.events, status: span.status })).not.toContain('sk-live-123');
    const plain = fakeCallContext({ operation: 'chat', request: { model: 'openai/gpt-4o' } });
    await expect(middleware(plain, () => Promise.reject(new TypeError('boom')))).rejects.toThrow('boom');
    expect(spans()[1]?.attributes['error.type']).toBe('TypeError');
  });

  it('ends a stream span only when the stream ends, with what the chunks said', async () => {
    const context = fakeCallContext({ operation: 'chatStream', request: { model: 'openai/gpt-4o', messages: [] } });
    const { stream, state } = createFakeStream(context, ['a', 'b'], { usage: { prompt_tokens: 3, completion_tokens: 2 } });
    const wrapped = (await middleware(context, async () => stream)) as AsyncIterable<unknown>;
    expect(state.pulled).toBe(0);
    const iterator = wrapped[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    expect(spans().length).toBe(0);
    expect((await iterator.next()).done).toBe(true);
    expect(onlySpan().attributes).toMatchObject({
      'gen_ai.response.id': 'c1',
      'gen_ai.response.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 3,
      'gen_ai.usage.output_tokens': 2,
    });
    expect(onlySpan().attributes['liter_llm.stream.abandoned']).toBeUndefined();
  });

  it('ends the span of an abandoned stream and cancels the source', async () => {
    const context = fakeCallContext({ operation: 'chatStream', request: { model: 'openai/gpt-4o', messages: [] } });
    const { stream, state } = createFakeStream(context, ['a', 'b', 'c']);
    const wrapped = (await middleware(context, async () => stream)) as AsyncIterable<unknown>;
    for await (const _chunk of wrapped) break;
    expect(state.returned).toBe(true);
    expect(onlySpan().attributes['liter_llm.stream.abandoned']).toBe(true);
    expect(onlySpan().status.code).not.toBe(STATUS_ERROR);
  });

  it('ends a failed stream span once, with error.type', async () => {
    const context = fakeCallContext({ operation: 'chatStream', request: { model: 'openai/gpt-4o', messages: [] } });
    const { stream } = createFakeStream(context, ['a', 'b'], { failAfter: 1 });
    const iterator = ((await middleware(context, async () => stream)) as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.next()).rejects.toThrow('stream broke');
    await iterator.return?.();
    expect(onlySpan().attributes['error.type']).toBe('Error');
  });

  it('names spans of model-less operations by the operation alone', async () => {
    const context = fakeCallContext({ operation: 'files.list', request: { model: 'openai/' } });
    await middleware(context, async () => ({ data: [] }));
    expect(onlySpan().name).toBe('files.list');
    expect(onlySpan().attributes['gen_ai.request.model']).toBeUndefined();
  });

  it('rejects a missing or wrong tracer naming the field', () => {
    expect(() => createTracingMiddleware({} as never)).toThrow('tracing.tracer');
    expect(() => createTracingMiddleware({ tracer: { startSpan: 1 } } as never)).toThrow('tracing.tracer');
    expect(() => createTracingMiddleware(true as never)).toThrow(/tracing must be \{ tracer \}/);
  });
});

describe('createTracingMiddleware (through createClient)', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock.close());

  const client = () =>
    createClient({
      providers: { openai: { baseURL: mock.url, apiKey: 'sk-very-secret-key', headers: { 'x-tenant-secret': 'tenant-header-value' } } },
      maxRetries: 0,
      middleware: [createTracingMiddleware({ tracer }), createCostTrackingMiddleware(true)],
    });

  it('records cost and usage of a chat call, and no key or header value', async () => {
    mock.handle(sendJson(200, chatResponse('hi', { id: 'chatcmpl-9', model: 'gpt-4o', usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 } })));
    await client().chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    const span = onlySpan();
    expect(span.attributes).toMatchObject({ 'gen_ai.response.id': 'chatcmpl-9', 'liter_llm.cost_usd': expect.closeTo(0.0035, 12) });
    const text = JSON.stringify({ attributes: span.attributes, events: span.events, status: span.status, name: span.name });
    expect(text).not.toContain('sk-very-secret-key');
    expect(text).not.toContain('tenant-header-value');
  });

  it('records a provider error without its body', async () => {
    mock.handle(sendJson(429, { error: { message: 'slow down, key sk-very-secret-key', type: 'rate_limit_error' } }));
    await expect(client().chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ kind: 'RateLimited' });
    const span = onlySpan();
    expect(span.attributes['error.type']).toBe('RateLimited');
    expect(JSON.stringify(span.attributes) + JSON.stringify(span.status)).not.toContain('slow down');
  });

  it('ends a real stream span when a consumer breaks, and after the last chunk otherwise', async () => {
    mock.handle(sendSse([chatChunk('a'), chatChunk('b'), chatChunk('c', 'stop')]));
    for await (const _chunk of client().chatStream({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] })) break;
    expect(onlySpan().attributes['liter_llm.stream.abandoned']).toBe(true);
    exporter.reset();
    await client().chatStream({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).toArray();
    expect(onlySpan().attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
  });
});

describe('src/ and OpenTelemetry', () => {
  it('never imports @opentelemetry at run time', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src');
    const offenders: string[] = [];
    const walk = (directory: string): void => {
      for (const name of readdirSync(directory)) {
        const full = path.join(directory, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.ts$/.test(name)) {
          // Code lines only: doc comments may show how to get a tracer.
          const code = readFileSync(full, 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
          if (code.some((line) => /(from|import\()\s*['"]@opentelemetry\//.test(line))) offenders.push(full);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
