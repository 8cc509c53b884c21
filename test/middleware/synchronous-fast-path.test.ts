import { describe, expect, it } from 'vitest';
import type { CallContext, Next } from '../../src/call/call-context.js';
import { createCallInfoRecord } from '../../src/call/call-info.js';
import { compose } from '../../src/middleware/compose.js';
import { createMiddlewareStack } from '../../src/middleware/create-middleware-stack.js';
import type { MiddlewareOptions } from '../../src/middleware/middleware-layers.js';
import type { ResolvedRoute } from '../../src/routing/resolved-route.js';

const route = { provider: { id: 'openai' }, model: 'gpt-4o' } as unknown as ResolvedRoute;
const services = { resolveRoute: () => route, resolveDeployment: () => route };
const noopSpan = { setAttribute: () => noopSpan, setStatus: () => noopSpan, end: () => {} };

function context(cache?: boolean): CallContext {
  return {
    operation: 'chat',
    request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello' }], max_tokens: 10 },
    route,
    options: { signal: undefined, timeoutMs: 60_000, deadlineAt: Date.now() + 60_000, maxRetries: 0, maxAttempts: 10, maxResponseBytes: 1024, streamTimeoutMs: undefined, headers: {}, cache, tags: [] },
    info: createCallInfoRecord('chat', 'openai', 'gpt-4o'),
    services,
  } as CallContext;
}

/** Every in-memory layer, as the `liter-full` benchmark configures them. */
const IN_MEMORY: MiddlewareOptions = {
  tracing: { tracer: { startSpan: () => noopSpan } },
  hooks: [{ onRequest: () => {}, onResponse: () => {}, onError: () => {} }],
  cache: true,
  budget: { limitUsd: 1e9 },
  costTracking: true,
  fallback: { models: { 'openai/gpt-4o': ['openai/gpt-4o-mini'] } },
  cooldown: true,
  rateLimit: { rpm: 1e9, tpm: 1e12 },
};

describe('the synchronous fast path of the in-memory layers', () => {
  // No timing: whether the core is reached in the same synchronous run as the call, before any
  // `await` could give the event loop a turn.
  for (const [key, value] of Object.entries(IN_MEMORY)) {
    it(`${key} reaches the next layer without awaiting once warmed up`, async () => {
      const stack = createMiddlewareStack({ [key]: value }, [], { core: () => Promise.resolve({}), services });
      let reached = 0;
      const core: Next = (call) => {
        reached += 1;
        call.info.usage = { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 };
        return Promise.resolve({ choices: [] });
      };
      const pipeline = compose(stack.layers, core);
      // The first call loads the price table (budget, cost).
      await pipeline(context(false));
      const call = pipeline(context(false));
      expect(reached).toBe(2);
      await call;
      stack.close();
    });
  }

  it('the whole in-memory stack reaches the core synchronously, and settles every layer once', async () => {
    const stack = createMiddlewareStack(IN_MEMORY, [], { core: () => Promise.resolve({}), services });
    const seen: string[] = [];
    const core: Next = (call) => {
      seen.push('core');
      call.info.usage = { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 };
      return Promise.resolve({ choices: [{ message: { content: 'hi' } }] });
    };
    const pipeline = compose(stack.layers, core);
    await pipeline(context(false));
    const warm = context(false);
    const call = pipeline(warm);
    expect(seen).toEqual(['core', 'core']);
    await call;
    expect(warm.info.cache).toBe('bypass');
    expect(typeof warm.info.costUsd).toBe('number');
    stack.close();
  });

  it('keeps the public store contract: in-memory store methods still return promises', async () => {
    const { createMemoryBudgetStore, createMemoryCacheStore, createMemoryCooldownStore, createMemoryRateLimitStore } = await import(
      '../../src/middleware/middleware-exports.js'
    );
    expect(createMemoryCooldownStore().remaining('openai/gpt-4o')).toBeInstanceOf(Promise);
    expect(createMemoryBudgetStore().read('global|all')).toBeInstanceOf(Promise);
    expect(createMemoryCacheStore({ maxEntries: 10 }).get('k')).toBeInstanceOf(Promise);
    expect(createMemoryRateLimitStore().acquire({ id: '1', windowMs: 60_000, requests: 1, keys: [] })).toBeInstanceOf(Promise);
  });
});
