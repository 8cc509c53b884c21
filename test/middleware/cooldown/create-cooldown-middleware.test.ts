import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ContentPolicyError,
  ContextWindowExceededError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  StreamError,
  TimeoutError,
} from '../../../src/errors/error-classes.js';
import { compose, type Middleware } from '../../../src/middleware/compose.js';
import type { CallContext, Next } from '../../../src/call/call-context.js';
import { createCooldownMiddleware } from '../../../src/middleware/cooldown/create-cooldown-middleware.js';
import type { CooldownOptions } from '../../../src/middleware/cooldown/normalize-cooldown-options.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext, type FakeCallInput } from '../../support/fake-call-context.js';

function setup(options: CooldownOptions = {}) {
  const clock = createFakeClock(Date.UTC(2030, 0, 1));
  const layer = createCooldownMiddleware(options, { clock });
  let sent = 0;
  const call = (input: FakeCallInput, outcome: () => unknown) =>
    layer(fakeCallContext({ provider: 'groq', model: 'llama', ...input }), async () => {
      sent += 1;
      return outcome();
    });
  const fail = (error: Error, input: FakeCallInput = {}) => call(input, () => Promise.reject(error)).catch((thrown: unknown) => thrown);
  return { clock, layer, call, fail, sent: () => sent };
}

const serverError = () => new ServerError('boom', { status: 500 });
const succeed = () => ({ ok: true });

describe('cooldown', () => {
  it('cools a deployment after N retryable failures and fails fast, naming it and its recovery', async () => {
    const { clock, call, fail, sent } = setup();
    for (let index = 0; index < 3; index += 1) expect(await fail(serverError())).toBeInstanceOf(ServerError);
    expect(sent()).toBe(3);
    const error = await fail(serverError());
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(sent()).toBe(3);
    const cooling = error as ServiceUnavailableError;
    expect(cooling.retryable).toBe(true);
    expect(cooling.retryAfterMs).toBe(60_000);
    expect(cooling).toMatchObject({ provider: 'groq', model: 'llama', status: undefined });
    expect(cooling.message).toBe(
      'groq/llama is cooling down after 3 failures within 60000 ms; calls to it fail fast until it recovers in 60 s (at 2030-01-01T00:01:00.000Z); no request was sent',
    );
    await clock.advance(59_999);
    expect(await fail(serverError())).toBeInstanceOf(ServiceUnavailableError);
    await clock.advance(1);
    await expect(call({}, succeed)).resolves.toEqual({ ok: true });
    expect(sent()).toBe(4);
  });

  it('counts failures in a sliding window', async () => {
    const { clock, fail, call } = setup({ failures: 3, windowMs: 60_000 });
    await fail(serverError());
    await clock.advance(30_000);
    await fail(new TimeoutError('slow'));
    await clock.advance(31_000);
    // The first failure has left the window: two remain, so this third one does not cool.
    await fail(new NetworkError('reset'));
    await expect(call({}, succeed)).resolves.toEqual({ ok: true });
    await fail(serverError());
    await fail(serverError());
    await clock.advance(1_000);
    await fail(serverError());
    expect(await fail(serverError())).toBeInstanceOf(ServiceUnavailableError);
  });

  it('clears the count on a success', async () => {
    const { call, fail } = setup({ failures: 2 });
    await fail(serverError());
    await call({}, succeed);
    await fail(serverError());
    await expect(call({}, succeed)).resolves.toEqual({ ok: true });
    await fail(serverError());
    // The second failure in a row cools: it was sent, the call after it is not.
    expect(await fail(serverError())).toBeInstanceOf(ServerError);
    expect(await fail(serverError())).toBeInstanceOf(ServiceUnavailableError);
  });

  it('counts 429, 500, 502-504, timeouts, network errors and broken streams', async () => {
    const errors = [
      new RateLimitedError('429', { status: 429 }),
      serverError(),
      new ServiceUnavailableError('503', { status: 503 }),
      new TimeoutError('408', { status: 408 }),
      new NetworkError('reset'),
      new StreamError('cut'),
    ];
    for (const error of errors) {
      const { fail } = setup({ failures: 1 });
      await fail(error);
      expect(await fail(serverError()), error.name).toBeInstanceOf(ServiceUnavailableError);
    }
  });

  it('never cools for client-caused errors, aborts or its own rate limiter', async () => {
    const { fail, sent } = setup({ failures: 1 });
    const errors = [
      new BadRequestError('400', { status: 400 }),
      new AuthenticationError('401', { status: 401 }),
      new NotFoundError('404', { status: 404 }),
      new ContextWindowExceededError('too long', { status: 400 }),
      new ContentPolicyError('refused', { status: 400 }),
      new AbortedError('aborted'),
      new RateLimitedError('local limit', { retryAfterMs: 1000 }),
      new Error('a bug'),
    ];
    for (const error of errors) expect(await fail(error)).toBe(error);
    expect(await fail(serverError())).toBeInstanceOf(ServerError);
    expect(sent()).toBe(errors.length + 1);
  });

  it('keeps deployments apart', async () => {
    const { fail, call } = setup({ failures: 1 });
    await fail(serverError(), { model: 'a' });
    expect(await fail(serverError(), { model: 'a' })).toBeInstanceOf(ServiceUnavailableError);
    await expect(call({ model: 'b' }, succeed)).resolves.toEqual({ ok: true });
    await expect(call({ provider: 'openai', model: 'a' }, succeed)).resolves.toEqual({ ok: true });
  });

  it('leaves calls without a model alone', async () => {
    const { fail } = setup({ failures: 1 });
    await fail(serverError(), { operation: 'files.list', model: '' });
    expect(await fail(serverError(), { operation: 'files.list', model: '' })).toBeInstanceOf(ServerError);
  });

  it('keeps the call error and records a warning when the store fails', async () => {
    const layer = createCooldownMiddleware({
      store: { remaining: async () => 0, recordFailure: () => Promise.reject(new Error('store down')), recordSuccess: async () => undefined },
    });
    const context = fakeCallContext({ provider: 'groq', model: 'llama' });
    const error = serverError();
    await expect(layer(context, () => Promise.reject(error))).rejects.toBe(error);
    expect(context.info.warnings).toEqual(['cooldown: failure not recorded (store down)']);
  });
});

describe('cooldown on streams', () => {
  function source(items: unknown[], state: { pulled: number; closed: boolean }, error?: Error): AsyncIterable<unknown> {
    return (async function* () {
      try {
        for (const item of items) {
          state.pulled += 1;
          yield item;
        }
        if (error !== undefined) throw error;
      } finally {
        state.closed = true;
      }
    })();
  }

  async function drain(stream: unknown): Promise<unknown> {
    try {
      for await (const _item of stream as AsyncIterable<unknown>) {
        // consume
      }
      return undefined;
    } catch (error) {
      return error;
    }
  }

  it('counts a failure before the first chunk and one mid-stream', async () => {
    const { call } = setup({ failures: 2 });
    await call({ operation: 'chatStream' }, () => Promise.reject(serverError())).catch(() => undefined);
    const state = { pulled: 0, closed: false };
    const cut = new StreamError('cut after 1 chunk');
    const stream = await call({ operation: 'chatStream' }, () => source(['a'], state, cut));
    expect(state.pulled).toBe(0);
    expect(await drain(stream)).toBe(cut);
    const error = await call({ operation: 'chatStream' }, () => source([], state)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
  });

  it('treats a completed stream, or one stopped after a chunk, as a success', async () => {
    const { call } = setup({ failures: 2 });
    await call({}, () => Promise.reject(serverError())).catch(() => undefined);
    await drain(await call({ operation: 'chatStream' }, () => source(['a', 'b'], { pulled: 0, closed: false })));
    await call({}, () => Promise.reject(serverError())).catch(() => undefined);
    const state = { pulled: 0, closed: false };
    for await (const _item of (await call({ operation: 'chatStream' }, () => source(['a', 'b'], state))) as AsyncIterable<unknown>) break;
    expect(state).toEqual({ pulled: 1, closed: true });
    // Two failures, but each was followed by a success: not cooled.
    await call({}, () => Promise.reject(serverError())).catch(() => undefined);
    await expect(call({}, succeed)).resolves.toEqual({ ok: true });
  });

  it('passes a stream through unchanged and counts nothing when stopped before a chunk', async () => {
    const { call } = setup({ failures: 2 });
    await call({}, () => Promise.reject(serverError())).catch(() => undefined);
    const state = { pulled: 0, closed: false };
    const stream = (await call({ operation: 'responses.createStream' }, () => source([{ type: 'x' }], state))) as AsyncIterable<unknown>;
    await stream[Symbol.asyncIterator]().return?.();
    // The earlier failure still counts: one more cools.
    await call({}, () => Promise.reject(serverError())).catch(() => undefined);
    expect(await call({}, succeed).catch((thrown: unknown) => thrown)).toBeInstanceOf(ServiceUnavailableError);
    const items: unknown[] = [];
    const { call: fresh } = setup();
    for await (const item of (await fresh({ operation: 'chatStream' }, () => source([{ n: 1 }, { n: 2 }], { pulled: 0, closed: false }))) as AsyncIterable<unknown>) items.push(item);
    expect(items).toEqual([{ n: 1 }, { n: 2 }]);
  });
});

describe('cooldown inside a fallback layer', () => {
  /** A minimal fallback: tries the request's model, then each of `models`, on retryable errors. */
  function fakeFallback(models: string[]): Middleware {
    return async function fallback(context: CallContext, next: Next) {
      const candidates = [(context.request as { model: string }).model, ...models];
      let lastError: unknown;
      for (const [index, model] of candidates.entries()) {
        if (index > 0) context.info.fallbacks.push(candidates[index - 1] as string);
        try {
          return await next({ ...context, route: context.services.resolveRoute(model) });
        } catch (error) {
          lastError = error;
          if (!(error as { retryable?: boolean }).retryable) throw error;
        }
      }
      throw lastError;
    };
  }

  it('cools every deployment that failed along the path and skips them without sending', async () => {
    const clock = createFakeClock();
    const sent: string[] = [];
    const core: Next = async (context) => {
      const deployment = `${context.route.provider.id}/${context.route.model}`;
      sent.push(deployment);
      if (deployment !== 'anthropic/claude') throw new ServiceUnavailableError('503', { status: 503 });
      return { servedBy: deployment };
    };
    const pipeline = compose([fakeFallback(['openai/gpt', 'anthropic/claude']), createCooldownMiddleware({ failures: 2 }, { clock })], core);
    const request = { model: 'groq/llama', messages: [] };
    for (let index = 0; index < 2; index += 1) {
      await expect(pipeline({ ...fakeCallContext({ request }) })).resolves.toEqual({ servedBy: 'anthropic/claude' });
    }
    expect(sent).toEqual(['groq/llama', 'openai/gpt', 'anthropic/claude', 'groq/llama', 'openai/gpt', 'anthropic/claude']);
    sent.length = 0;
    const context = fakeCallContext({ provider: 'groq', model: 'llama', request });
    await expect(pipeline(context)).resolves.toEqual({ servedBy: 'anthropic/claude' });
    expect(sent).toEqual(['anthropic/claude']);
    expect(context.info.fallbacks).toEqual(['groq/llama', 'openai/gpt']);
    await clock.advance(60_000);
    sent.length = 0;
    await pipeline(fakeCallContext({ provider: 'groq', model: 'llama', request }));
    expect(sent).toEqual(['groq/llama', 'openai/gpt', 'anthropic/claude']);
  });
});
