import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ContentPolicyError,
  ContextWindowExceededError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
} from '../../../src/errors/error-classes.js';
import { compose } from '../../../src/middleware/compose.js';
import type { CallContext, Next } from '../../../src/call/call-context.js';
import { createFallbackMiddleware } from '../../../src/middleware/fallback/create-fallback-middleware.js';
import { createRouterMiddleware } from '../../../src/middleware/router/create-router-middleware.js';
import { UNRESOLVED_PROVIDER_ID } from '../../../src/middleware/router/create-unresolved-route.js';
import { collect, fakeStream, rejection } from '../../support/fake-stream.js';
import { fakeCallContext, fakeServices, routeName } from '../../support/fake-call-context.js';

/** A core that answers per `provider/model` of the route: an error to throw, or a reply. */
function fakeCore(outcomes: Record<string, unknown>): Next & { calls: CallContext[] } {
  const calls: CallContext[] = [];
  const core = async (context: CallContext): Promise<unknown> => {
    calls.push(context);
    if (context.route.provider.unavailable !== undefined) throw context.route.provider.unavailable();
    const outcome = outcomes[routeName(context)];
    if (outcome instanceof Error) throw outcome;
    if (outcome === undefined) throw new Error(`unexpected route ${routeName(context)}`);
    context.info.provider = context.route.provider.id;
    context.info.model = context.route.model;
    return typeof outcome === 'function' ? (outcome as () => unknown)() : outcome;
  };
  return Object.assign(core, { calls });
}

const unavailable = (): ServiceUnavailableError => new ServiceUnavailableError('down', { status: 503 });

describe('createFallbackMiddleware', () => {
  it('is a named middleware', () => {
    expect(createFallbackMiddleware({ global: ['a/b'] }).name).toBe('fallback');
  });

  it('falls back on a retryable error with the fallback model in request and route, and records the failed model', async () => {
    const core = fakeCore({ 'openai/gpt-4o': new RateLimitedError('429', { status: 429 }), 'anthropic/claude': { text: 'from claude' } });
    const run = compose([createFallbackMiddleware({ models: { 'openai/gpt-4o': ['anthropic/claude'] } })], core);
    const context = fakeCallContext({ model: 'openai/gpt-4o' });
    await expect(run(context)).resolves.toEqual({ text: 'from claude' });
    expect(core.calls.map(routeName)).toEqual(['openai/gpt-4o', 'anthropic/claude']);
    expect(core.calls[1]?.request).toEqual({ model: 'anthropic/claude', messages: [{ role: 'user', content: 'Hi' }] });
    expect(context.request).toEqual({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    expect(context.info.fallbacks).toEqual(['openai/gpt-4o']);
    expect(context.info).toMatchObject({ provider: 'anthropic', model: 'claude' });
  });

  it('tries the model list, then the global list, without the model itself or repeats', async () => {
    const core = fakeCore({
      'p/a': new ServerError('500'),
      'p/b': new ServiceUnavailableError('503'),
      'p/c': new ServerError('500'),
      'p/d': 'served by d',
    });
    const run = compose([createFallbackMiddleware({ models: { 'p/a': ['p/b', 'p/a', 'p/c'] }, global: ['p/c', 'p/a', 'p/d'] })], core);
    const context = fakeCallContext({ model: 'p/a' });
    await expect(run(context)).resolves.toBe('served by d');
    expect(core.calls.map(routeName)).toEqual(['p/a', 'p/b', 'p/c', 'p/d']);
    expect(context.info.fallbacks).toEqual(['p/a', 'p/b', 'p/c']);
  });

  it('matches lists by provider/model of the route when the caller wrote a bare model name', async () => {
    const core = fakeCore({ 'openai/gpt-4o': new ServerError('500'), 'p/b': 'ok' });
    const run = compose([createFallbackMiddleware({ models: { 'openai/gpt-4o': ['p/b'] } })], core);
    const services = fakeServices();
    const context = fakeCallContext({ request: { model: 'gpt-4o' }, route: services.resolveRoute('openai/gpt-4o'), services });
    await expect(run(context)).resolves.toBe('ok');
    expect(context.info.fallbacks).toEqual(['gpt-4o']);
  });

  it.each([
    ['BadRequestError', new BadRequestError('bad', { status: 400 })],
    ['AuthenticationError', new AuthenticationError('no key', { status: 401 })],
    ['a plain Error', new Error('bug')],
    ['AbortedError', new AbortedError('aborted')],
  ])('never falls back on %s', async (_name, error) => {
    const core = fakeCore({ 'p/a': error, 'p/b': 'never' });
    const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
    const context = fakeCallContext({ model: 'p/a' });
    expect(await rejection(run(context))).toBe(error);
    expect(core.calls).toHaveLength(1);
    expect(context.info.fallbacks).toEqual([]);
    expect((error as { errors?: unknown }).errors).toBeUndefined();
  });

  it('does not fall back once the call was aborted, even on a retryable error', async () => {
    const controller = new AbortController();
    const error = new ServerError('500');
    const core = fakeCore({ 'p/a': () => {
      controller.abort();
      throw error;
    }, 'p/b': 'never' });
    const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
    expect(await rejection(run(fakeCallContext({ model: 'p/a', signal: controller.signal })))).toBe(error);
    expect(core.calls).toHaveLength(1);
  });

  it('throws the last error when every model fails, with all errors attached in order', async () => {
    const errors = [new ServerError('a'), new RateLimitedError('b'), new ServiceUnavailableError('c')];
    const core = fakeCore({ 'p/a': errors[0], 'p/b': errors[1], 'p/c': errors[2] });
    const run = compose([createFallbackMiddleware({ models: { 'p/a': ['p/b', 'p/c'] } })], core);
    const context = fakeCallContext({ model: 'p/a' });
    const thrown = await rejection(run(context));
    expect(thrown).toBe(errors[2]);
    expect((thrown as { errors: unknown[] }).errors).toEqual(errors);
    expect(Object.keys(thrown as object)).not.toContain('errors');
    expect(JSON.stringify(thrown)).not.toContain('"errors"');
    expect(context.info.fallbacks).toEqual(['p/a', 'p/b']);
  });

  it('stops at a fallback that fails with a client error', async () => {
    const auth = new AuthenticationError('no key for b');
    const core = fakeCore({ 'p/a': new ServerError('500'), 'p/b': auth, 'p/c': 'never' });
    const run = compose([createFallbackMiddleware({ global: ['p/b', 'p/c'] })], core);
    const thrown = await rejection(run(fakeCallContext({ model: 'p/a' })));
    expect(thrown).toBe(auth);
    expect((thrown as { errors: unknown[] }).errors).toHaveLength(2);
    expect(core.calls.map(routeName)).toEqual(['p/a', 'p/b']);
  });

  describe('context-window and content-policy errors', () => {
    const tooLong = (): ContextWindowExceededError => new ContextWindowExceededError('too long', { status: 400 });

    it('does not fall back on them by default', async () => {
      const core = fakeCore({ 'p/a': tooLong(), 'p/b': 'never' });
      const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
      expect(await rejection(run(fakeCallContext({ model: 'p/a' })))).toBeInstanceOf(ContextWindowExceededError);
      expect(core.calls).toHaveLength(1);
    });

    it('onContextWindow: true falls back along the same lists', async () => {
      const core = fakeCore({ 'p/a': tooLong(), 'p/b': 'b' });
      const run = compose([createFallbackMiddleware({ global: ['p/b'], onContextWindow: true })], core);
      await expect(run(fakeCallContext({ model: 'p/a' }))).resolves.toBe('b');
    });

    it('onContextWindow: a list goes to those (larger-context) models only', async () => {
      const core = fakeCore({ 'p/a': tooLong(), 'p/large': 'large', 'p/b': 'never' });
      const run = compose([createFallbackMiddleware({ global: ['p/b'], onContextWindow: ['p/large'] })], core);
      const context = fakeCallContext({ model: 'p/a' });
      await expect(run(context)).resolves.toBe('large');
      expect(core.calls.map(routeName)).toEqual(['p/a', 'p/large']);
    });

    it('onContextWindow: a per-model map', async () => {
      const core = fakeCore({ 'p/a': tooLong(), 'p/a-128k': 'a-128k' });
      const run = compose([createFallbackMiddleware({ onContextWindow: { 'p/a': ['p/a-128k'] } })], core);
      await expect(run(fakeCallContext({ model: 'p/a' }))).resolves.toBe('a-128k');
      // Another model has no context-window fallback.
      const other = fakeCore({ 'p/z': tooLong() });
      const runOther = compose([createFallbackMiddleware({ onContextWindow: { 'p/a': ['p/a-128k'] } })], other);
      expect(await rejection(runOther(fakeCallContext({ model: 'p/z' })))).toBeInstanceOf(ContextWindowExceededError);
    });

    it('onContentPolicy: a list of other models', async () => {
      const core = fakeCore({ 'p/strict': new ContentPolicyError('refused'), 'p/lenient': 'answer' });
      const run = compose([createFallbackMiddleware({ onContentPolicy: ['p/lenient'] })], core);
      const context = fakeCallContext({ model: 'p/strict' });
      await expect(run(context)).resolves.toBe('answer');
      expect(context.info.fallbacks).toEqual(['p/strict']);
    });

    it('a retryable error does not use the context-window list', async () => {
      const error = new ServerError('500');
      const core = fakeCore({ 'p/a': error, 'p/large': 'never' });
      const run = compose([createFallbackMiddleware({ onContextWindow: ['p/large'] })], core);
      expect(await rejection(run(fakeCallContext({ model: 'p/a' })))).toBe(error);
      expect(core.calls).toHaveLength(1);
    });
  });

  it('passes calls without a model, and stream uploads, through untouched', async () => {
    const error = new ServerError('500');
    const core = fakeCore({ 'p/a': error });
    const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
    const services = fakeServices();
    const upload = fakeCallContext({
      operation: 'transcribe',
      request: { model: 'p/a', file: new ReadableStream() },
      route: services.resolveRoute('p/a'),
      services,
    });
    expect(await rejection(run(upload))).toBe(error);
    const noModel = fakeCallContext({ operation: 'files.list', request: {}, route: services.resolveRoute('p/a'), services });
    expect(await rejection(run(noModel))).toBe(error);
    expect(core.calls).toHaveLength(2);
    expect(core.calls[1]).toBe(noModel);
  });

  it('passes a model with no fallbacks straight through (same context)', async () => {
    const core = fakeCore({ 'p/x': 'x' });
    const run = compose([createFallbackMiddleware({ models: { 'p/a': ['p/b'] } })], core);
    const context = fakeCallContext({ model: 'p/x' });
    await expect(run(context)).resolves.toBe('x');
    expect(core.calls[0]).toBe(context);
  });

  describe('aliases', () => {
    it('hands an alias the client cannot route to the router in request.model, on a placeholder route', async () => {
      const seen: CallContext[] = [];
      const core = fakeCore({ 'p/a': new ServerError('500'), 'q/one': 'served by q/one' });
      const spy: Next = (context) => {
        seen.push(context);
        return core(context);
      };
      const run = compose(
        [createFallbackMiddleware({ models: { 'p/a': ['smart'] } }), createRouterMiddleware({ smart: { deployments: [{ model: 'q/one' }] } })],
        spy,
      );
      const context = fakeCallContext({ model: 'p/a' });
      await expect(run(context)).resolves.toBe('served by q/one');
      expect(seen.map((entry) => (entry.request as { model: string }).model)).toEqual(['p/a', 'q/one']);
      expect(context.info.fallbacks).toEqual(['p/a']);
      expect(context.info).toMatchObject({ provider: 'q', model: 'one' });
    });

    it('without a router, a fallback to an unroutable name fails with a ConfigurationError and sends nothing', async () => {
      const core = fakeCore({ 'p/a': new ServerError('500') });
      const run = compose([createFallbackMiddleware({ models: { 'p/a': ['smart'] } })], core);
      const thrown = await rejection(run(fakeCallContext({ model: 'p/a' })));
      expect(thrown).toBeInstanceOf(ConfigurationError);
      expect((thrown as Error).message).toContain('"smart" is neither a routable model string nor a router alias');
      expect(core.calls[1]?.route.provider.id).toBe(UNRESOLVED_PROVIDER_ID);
      expect(() => core.calls[1]?.route.provider.buildUrl('/chat/completions', 'smart')).toThrow(ConfigurationError);
    });

    it('falls back from an alias whose deployments all failed, with every error flattened in order', async () => {
      const errors = [new ServerError('one'), new ServiceUnavailableError('two'), new ServerError('p/b')];
      const core = fakeCore({ 'q/one': errors[0], 'q/two': errors[1], 'p/b': errors[2] });
      const run = compose(
        [
          createFallbackMiddleware({ models: { smart: ['p/b'] } }),
          createRouterMiddleware({ smart: { deployments: [{ model: 'q/one' }, { model: 'q/two' }] } }),
        ],
        core,
      );
      const context = fakeCallContext({ model: 'smart' });
      const thrown = await rejection(run(context));
      expect(thrown).toBe(errors[2]);
      expect((thrown as { errors: unknown[] }).errors).toEqual(errors);
      expect(context.info.fallbacks).toEqual(['q/one', 'smart']);
    });
  });

  describe('streams', () => {
    const chunks = (label: string): string[] => [`${label}-1`, `${label}-2`, `${label}-3`];

    it('falls back when the stream fails to open', async () => {
      const served = fakeStream(chunks('b'));
      const core = fakeCore({ 'p/a': unavailable(), 'p/b': served });
      const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
      const context = fakeCallContext({ operation: 'chatStream', model: 'p/a' });
      const stream = (await run(context)) as AsyncIterable<string>;
      expect(served.pulled).toBe(0); // wrapped lazily: nothing read before the caller asks
      expect(await collect(stream)).toEqual(chunks('b'));
      expect(context.info.fallbacks).toEqual(['p/a']);
    });

    it('falls back when the first chunk fails, before anything reached the caller', async () => {
      const broken = fakeStream(chunks('a'), { failAt: 0, error: new ServerError('overloaded') });
      const served = fakeStream(chunks('b'));
      const core = fakeCore({ 'p/a': broken, 'p/b': served });
      const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
      const context = fakeCallContext({ operation: 'chatStream', model: 'p/a' });
      expect(await collect((await run(context)) as AsyncIterable<string>)).toEqual(chunks('b'));
      expect(core.calls.map(routeName)).toEqual(['p/a', 'p/b']);
      expect(context.info.fallbacks).toEqual(['p/a']);
    });

    it('does not fall back after the first chunk: the error propagates once', async () => {
      const error = new ServerError('cut');
      const broken = fakeStream(chunks('a'), { failAt: 1, error });
      const core = fakeCore({ 'p/a': broken, 'p/b': fakeStream(chunks('b')) });
      const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
      const context = fakeCallContext({ operation: 'chatStream', model: 'p/a' });
      const iterator = ((await run(context)) as AsyncIterable<string>)[Symbol.asyncIterator]();
      expect(await iterator.next()).toEqual({ done: false, value: 'a-1' });
      expect(await rejection(iterator.next())).toBe(error);
      expect(await iterator.next()).toEqual({ done: true, value: undefined });
      expect(core.calls).toHaveLength(1);
      expect(context.info.fallbacks).toEqual([]);
    });

    it('a break cancels the stream that serves', async () => {
      const served = fakeStream(chunks('b'));
      const core = fakeCore({ 'p/a': unavailable(), 'p/b': served });
      const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
      const stream = (await run(fakeCallContext({ operation: 'responses.createStream', model: 'p/a' }))) as AsyncIterable<string>;
      for await (const chunk of stream) {
        expect(chunk).toBe('b-1');
        break;
      }
      expect(served.returned).toBe(true);
      expect(served.pulled).toBe(1);
    });

    it('when every stream fails before its first chunk, throws the last error with all of them', async () => {
      const first = new ServerError('a');
      const last = new ServiceUnavailableError('b');
      const core = fakeCore({ 'p/a': fakeStream(['x'], { failAt: 0, error: first }), 'p/b': last });
      const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
      const stream = (await run(fakeCallContext({ operation: 'chatStream', model: 'p/a' }))) as AsyncIterable<string>;
      const thrown = await rejection(collect(stream));
      expect(thrown).toBe(last);
      expect((thrown as { errors: unknown[] }).errors).toEqual([first, last]);
    });

    it('an empty stream ends without falling back', async () => {
      const core = fakeCore({ 'p/a': fakeStream([]), 'p/b': fakeStream(['never']) });
      const run = compose([createFallbackMiddleware({ global: ['p/b'] })], core);
      expect(await collect((await run(fakeCallContext({ operation: 'chatStream', model: 'p/a' }))) as AsyncIterable<string>)).toEqual([]);
      expect(core.calls).toHaveLength(1);
    });
  });
});
