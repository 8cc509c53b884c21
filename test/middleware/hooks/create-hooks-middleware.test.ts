import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../src/index.js';
import { HookRejectedError, ServerError } from '../../../src/errors/error-classes.js';
import type { CallContext, Next } from '../../../src/call/call-context.js';
import { createHooksMiddleware, type HookFailure } from '../../../src/middleware/hooks/create-hooks-middleware.js';
import type { Hook, HookErrorEvent, HookRequestEvent, HookResponseEvent } from '../../../src/middleware/hooks/hook.js';
import { collect } from '../../support/fake-stream.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext } from '../../support/fake-call-context.js';

const request = { model: 'groq/llama', messages: [{ role: 'user', content: 'Hello' }] };
const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 };

/** Hooks that record every event, in order, tagged with the hook's name. */
function createRecorder(name = 'hook', overrides: Hook = {}) {
  const events: Array<[string, HookRequestEvent | HookResponseEvent | HookErrorEvent]> = [];
  const hook: Hook = {
    onRequest: (event) => {
      events.push([`${name}.onRequest`, event]);
      return overrides.onRequest?.(event);
    },
    onResponse: async (event) => {
      events.push([`${name}.onResponse`, event]);
      await overrides.onResponse?.(event);
    },
    onError: async (event) => {
      events.push([`${name}.onError`, event]);
      await overrides.onError?.(event);
    },
  };
  return { hook, events, names: () => events.map(([label]) => label) };
}

function createUpstream(result: unknown = { id: 'resp-1', choices: [] }) {
  const seen: CallContext[] = [];
  const next: Next = async (context) => {
    seen.push(context);
    context.info.attempts += 1;
    context.info.usage = usage;
    return result;
  };
  return { seen, next };
}

const head = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'llama' };
const streamChunks: ChatCompletionChunk[] = [
  { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { content: 'lo' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  { ...head, choices: [], usage },
];

function createStreamUpstream(options: { failAfter?: number } = {}) {
  const state = { opened: 0, yielded: 0, closedEarly: 0 };
  const next: Next = async () => {
    state.opened += 1;
    return (async function* () {
      let finished = false;
      try {
        for (const [index, chunk] of streamChunks.entries()) {
          if (options.failAfter === index) throw new ServerError('stream broke');
          state.yielded += 1;
          yield chunk;
        }
        finished = true;
      } finally {
        if (!finished) state.closedEarly += 1;
      }
    })();
  };
  return { state, next };
}

describe('createHooksMiddleware: unary calls', () => {
  it('runs onRequest before and onResponse after the call, once each, with the call data', async () => {
    const clock = createFakeClock();
    const recorder = createRecorder();
    const upstream: Next = async (context) => {
      clock.advance(40);
      context.info.attempts = 1;
      context.info.usage = usage;
      return { id: 'resp-1' };
    };
    const hooks = createHooksMiddleware([recorder.hook], { clock });
    const context = fakeCallContext({ operation: 'chat', request, tags: ['user:7'] });
    expect(await hooks(context, upstream)).toEqual({ id: 'resp-1' });
    expect(recorder.names()).toEqual(['hook.onRequest', 'hook.onResponse']);
    const [, before] = recorder.events[0]!;
    expect(before).toMatchObject({ operation: 'chat', request, route: { provider: 'groq', model: 'llama' }, tags: ['user:7'], info: { attempts: 0, complete: false } });
    const [, after] = recorder.events[1]! as [string, HookResponseEvent];
    expect(after).toMatchObject({ response: { id: 'resp-1' }, complete: true, route: { provider: 'groq', model: 'llama' }, info: { attempts: 1, usage, latencyMs: 40, complete: true } });
  });

  it('sends the request an onRequest returns, each hook seeing the previous rewrite', async () => {
    const first = createRecorder('first', { onRequest: ({ request: current }) => ({ ...current, user: 'u1' }) });
    const second = createRecorder('second', { onRequest: ({ request: current }) => ({ ...current, temperature: 0 }) });
    const upstream = createUpstream();
    const context = fakeCallContext({ operation: 'chat', request });
    await createHooksMiddleware([first.hook, second.hook])(context, upstream.next);
    expect(second.events[0]?.[1].request).toEqual({ ...request, user: 'u1' });
    expect(upstream.seen[0]?.request).toEqual({ ...request, user: 'u1', temperature: 0 });
    expect(upstream.seen[0]?.route.model).toBe('llama'); // same model: same route
    expect(first.events[1]?.[1].request).toEqual({ ...request, user: 'u1', temperature: 0 }); // events carry the sent request
    expect(request).toEqual({ model: 'groq/llama', messages: [{ role: 'user', content: 'Hello' }] }); // the caller's object is untouched
  });

  it('routes again when onRequest changes the model', async () => {
    const upstream = createUpstream();
    const context = fakeCallContext({ operation: 'chat', request });
    await createHooksMiddleware([{ onRequest: ({ request: current }) => ({ ...current, model: 'openai/gpt-4o-mini' }) }])(context, upstream.next);
    expect(upstream.seen[0]?.route.provider.id).toBe('openai');
    expect(upstream.seen[0]?.route.model).toBe('gpt-4o-mini');
    expect(context.info).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini' });
  });

  it('rejects with HookRejectedError when onRequest throws: nothing sent, onError told, later onRequest hooks skipped', async () => {
    const reason = new Error('prompt contains a secret');
    const guard = createRecorder('guard', {
      onRequest: () => {
        throw reason;
      },
    });
    const later = createRecorder('later');
    const upstream = createUpstream();
    const failure = await createHooksMiddleware([guard.hook, later.hook])(fakeCallContext({ operation: 'chat', request }), upstream.next).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HookRejectedError);
    expect(failure).toMatchObject({ kind: 'HookRejected', cause: reason, retryable: false });
    expect((failure as Error).message).toContain('hooks[0].onRequest rejected the chat call: prompt contains a secret');
    expect(upstream.seen).toHaveLength(0);
    expect([...guard.names(), ...later.names()]).toEqual(['guard.onRequest', 'guard.onError', 'later.onError']);
    expect((guard.events[1]?.[1] as HookErrorEvent).error).toBe(failure);
  });

  it('rejects an onRequest that returns something other than a request object', async () => {
    const hooks = createHooksMiddleware([{ onRequest: () => 'nope' as never }]);
    const failure = await hooks(fakeCallContext({ operation: 'chat', request }), createUpstream().next).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HookRejectedError);
    expect((failure as Error).message).toMatch(/hooks\[0\]\.onRequest returned string/);
    expect((failure as { cause: unknown }).cause).toBeInstanceOf(TypeError);
  });

  it('runs onError once after a failure and rethrows the original error', async () => {
    const recorder = createRecorder();
    const error = new ServerError('boom', { provider: 'groq' });
    const failing: Next = async () => {
      throw error;
    };
    await expect(createHooksMiddleware([recorder.hook])(fakeCallContext({ operation: 'chat', request }), failing)).rejects.toBe(error);
    expect(recorder.names()).toEqual(['hook.onRequest', 'hook.onError']);
    expect(recorder.events[1]?.[1]).toMatchObject({ error, operation: 'chat', route: { provider: 'groq', model: 'llama' } });
  });

  it('keeps the outcome when onResponse or onError throw, and reports those errors', async () => {
    const reported: Array<[unknown, HookFailure]> = [];
    const onHookError = (error: unknown, failure: HookFailure) => reported.push([error, failure]);
    const throwing: Hook = {
      onResponse: () => {
        throw new Error('logger down');
      },
      onError: async () => {
        throw new Error('alerting down');
      },
    };
    const after = createRecorder('after');
    const hooks = createHooksMiddleware([throwing, after.hook], { onHookError });
    expect(await hooks(fakeCallContext({ operation: 'chat', request }), createUpstream({ ok: true }).next)).toEqual({ ok: true });
    const error = new ServerError('boom');
    await expect(
      hooks(fakeCallContext({ operation: 'chat', request }), async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    expect(reported.map(([thrown, failure]) => [(thrown as Error).message, failure])).toEqual([
      ['logger down', { index: 0, hook: 'onResponse', operation: 'chat' }],
      ['alerting down', { index: 0, hook: 'onError', operation: 'chat' }],
    ]);
    expect(after.names()).toEqual(['after.onRequest', 'after.onResponse', 'after.onRequest', 'after.onError']); // later hooks still run
    // Without a reporter such errors are swallowed.
    expect(await createHooksMiddleware([throwing])(fakeCallContext({ operation: 'chat', request }), createUpstream({ ok: 1 }).next)).toEqual({ ok: 1 });
  });

  it('awaits async hooks in order before the call settles', async () => {
    const order: string[] = [];
    const slow = (label: string): Hook => ({
      onRequest: async () => {
        await Promise.resolve();
        order.push(`${label}.request`);
      },
      onResponse: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(`${label}.response`);
      },
    });
    await createHooksMiddleware([slow('a'), slow('b')])(fakeCallContext({ operation: 'chat', request }), async () => {
      order.push('call');
      return {};
    });
    order.push('settled');
    expect(order).toEqual(['a.request', 'b.request', 'call', 'a.response', 'b.response', 'settled']);
  });

  it('awaits a thenable a hook returns, and mixes synchronous and async hooks in order', async () => {
    const order: string[] = [];
    const thenable = (label: string) => ({
      then(resolve: (value: undefined) => void) {
        setTimeout(() => {
          order.push(label);
          resolve(undefined);
        }, 1);
      },
    });
    const hooks: Hook[] = [
      { onRequest: () => void order.push('sync.request'), onResponse: () => void order.push('sync.response') },
      { onRequest: () => thenable('thenable.request') as unknown as undefined, onResponse: () => thenable('thenable.response') as unknown as undefined },
    ];
    await createHooksMiddleware(hooks)(fakeCallContext({ operation: 'chat', request }), async () => {
      order.push('call');
      return {};
    });
    expect(order).toEqual(['sync.request', 'thenable.request', 'call', 'sync.response', 'thenable.response']);
  });

  it('gives each event its own deep copy of the usage', async () => {
    const recorder = createRecorder();
    const nested = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7, prompt_tokens_details: { cached_tokens: 1 } };
    await createHooksMiddleware([recorder.hook])(fakeCallContext({ operation: 'chat', request }), async (context) => {
      context.info.usage = nested;
      return {};
    });
    const [, after] = recorder.events[1]! as [string, HookResponseEvent];
    expect(after.info.usage).toEqual(nested);
    expect(after.info.usage).not.toBe(nested);
    expect(after.info.usage?.prompt_tokens_details).not.toBe(nested.prompt_tokens_details);
  });
});

describe('createHooksMiddleware: streams', () => {
  it('passes chunks through lazily and runs onResponse once at the end with the assembled response', async () => {
    const recorder = createRecorder();
    const upstream = createStreamUpstream();
    const stream = (await createHooksMiddleware([recorder.hook])(fakeCallContext({ operation: 'chatStream', request }), upstream.next)) as AsyncIterable<ChatCompletionChunk>;
    const iterator = stream[Symbol.asyncIterator]();
    expect(upstream.state.yielded).toBe(0);
    expect((await iterator.next()).value).toEqual(streamChunks[0]);
    expect(upstream.state.yielded).toBe(1);
    expect(recorder.names()).toEqual(['hook.onRequest']);
    while (!(await iterator.next()).done);
    expect(recorder.names()).toEqual(['hook.onRequest', 'hook.onResponse']);
    expect(recorder.events[1]?.[1]).toMatchObject({
      complete: true,
      response: { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }], usage },
    });
  });

  it('on break: closes the upstream and runs onResponse once with what was delivered, complete false', async () => {
    const recorder = createRecorder();
    const upstream = createStreamUpstream();
    const stream = (await createHooksMiddleware([recorder.hook])(fakeCallContext({ operation: 'chatStream', request }), upstream.next)) as AsyncIterable<ChatCompletionChunk>;
    for await (const chunk of stream) {
      expect(chunk).toEqual(streamChunks[0]);
      break;
    }
    expect(upstream.state).toEqual({ opened: 1, yielded: 1, closedEarly: 1 });
    expect(recorder.names()).toEqual(['hook.onRequest', 'hook.onResponse']);
    expect(recorder.events[1]?.[1]).toMatchObject({ complete: false, response: { choices: [{ message: { content: 'Hel' }, finish_reason: null }] } });
  });

  it('runs onError once for an error raised mid-stream, which reaches the consumer once', async () => {
    const recorder = createRecorder();
    const stream = (await createHooksMiddleware([recorder.hook])(fakeCallContext({ operation: 'chatStream', request }), createStreamUpstream({ failAfter: 2 }).next)) as AsyncIterable<ChatCompletionChunk>;
    const received: ChatCompletionChunk[] = [];
    const iterator = stream[Symbol.asyncIterator]();
    await expect(
      (async () => {
        for (;;) {
          const step = await iterator.next();
          if (step.done === true) return;
          received.push(step.value);
        }
      })(),
    ).rejects.toThrow('stream broke');
    expect(await iterator.next()).toEqual({ done: true, value: undefined }); // no second error
    expect(received).toHaveLength(2);
    expect(recorder.names()).toEqual(['hook.onRequest', 'hook.onError']);
    expect((recorder.events[1]?.[1] as HookErrorEvent).error).toBeInstanceOf(ServerError);
  });

  it('runs onError when the stream fails to open', async () => {
    const recorder = createRecorder();
    const failing: Next = async () => {
      throw new ServerError('503 before headers');
    };
    await expect(createHooksMiddleware([recorder.hook])(fakeCallContext({ operation: 'chatStream', request }), failing)).rejects.toThrow('503 before headers');
    expect(recorder.names()).toEqual(['hook.onRequest', 'hook.onError']);
  });

  it('gives the last response of a responses stream to onResponse', async () => {
    const recorder = createRecorder();
    const events = [
      { type: 'response.created', response: { id: 'r1', status: 'in_progress' } },
      { type: 'response.output_text.delta', delta: 'Hi' },
      { type: 'response.completed', response: { id: 'r1', status: 'completed', output_text: 'Hi' } },
    ];
    const upstream: Next = async () =>
      (async function* () {
        yield* events;
      })();
    const stream = (await createHooksMiddleware([recorder.hook])(fakeCallContext({ operation: 'responses.createStream', request: { model: 'openai/gpt-4o', input: 'x' } }), upstream)) as AsyncIterable<unknown>;
    expect(await collect(stream)).toEqual(events);
    expect(recorder.events[1]?.[1]).toMatchObject({ complete: true, response: { id: 'r1', status: 'completed' } });
  });
});

describe('createHooksMiddleware: rerouting', () => {
  it('notices a model changed in place and rejects a model that does not route', async () => {
    const upstream = createUpstream();
    const inPlace = { ...request };
    const context = fakeCallContext({ operation: 'chat', request: inPlace });
    await createHooksMiddleware([
      {
        onRequest: ({ request: current }) => {
          (current as Record<string, unknown>).model = 'openai/gpt-4o';
        },
      },
    ])(context, upstream.next);
    expect(upstream.seen[0]?.route.provider.id).toBe('openai');

    const unroutable = fakeCallContext({ operation: 'chat', request });
    const services = { ...unroutable.services, resolveRoute: () => { throw new Error('unknown provider "nope"'); } };
    const failure = await createHooksMiddleware([{ onRequest: ({ request: current }) => ({ ...current, model: 'nope/x' }) }])(
      { ...unroutable, services },
      upstream.next,
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HookRejectedError);
    expect((failure as Error).message).toContain('changed request.model to "nope/x", which does not route');
    expect(upstream.seen).toHaveLength(1);
  });
});
