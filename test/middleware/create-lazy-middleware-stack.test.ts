import { afterEach, describe, expect, it } from 'vitest';

import { createClient } from '../../src/index.js';
import type { Middleware } from '../../src/middleware/compose.js';
import type { Next } from '../../src/call/call-context.js';
import { createLazyMiddlewareStack } from '../../src/middleware/create-lazy-middleware-stack.js';
import { createMiddlewareStack, type MiddlewareOptions } from '../../src/middleware/create-middleware-stack.js';
import { fakeCallContext } from '../support/fake-call-context.js';

const services = { resolveRoute: () => { throw new Error('not used'); }, resolveDeployment: () => { throw new Error('not used'); } };
const core: Next = () => Promise.resolve('core');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLazyMiddlewareStack', () => {
  let client: { close(): void } | undefined;
  afterEach(() => client?.close());

  it('without configured layers is just the custom middleware, and loads nothing', () => {
    const custom: Middleware = (context, next) => next(context);
    const stack = createLazyMiddlewareStack({}, [custom], { core, services });
    expect(stack.layers).toEqual([custom]);
    expect(stack.aliases.size).toBe(0);
  });

  // hasConfiguredLayer repeats createMiddlewareStack's conditions; a layer added to one but not the
  // other would be silently dropped when it is the only one configured.
  it('loads the layers for every option that puts a layer in the chain, and for no other', () => {
    const noopSpan = { setAttribute: () => noopSpan, setStatus: () => noopSpan, end: () => {} };
    const single: Record<string, MiddlewareOptions> = {
      tracing: { tracing: { tracer: { startSpan: () => noopSpan } } },
      hooks: { hooks: [{ onRequest: () => {} }] },
      cache: { cache: true },
      budget: { budget: { limitUsd: 1 } },
      costTracking: { costTracking: true },
      fallback: { fallback: { models: { 'openai/gpt-4o': ['openai/gpt-4o-mini'] } } },
      router: { router: { smart: { deployments: [{ model: 'openai/gpt-4o' }] } } },
      healthCheck: { healthCheck: true },
      cooldown: { cooldown: true },
      rateLimit: { rateLimit: { rpm: 1 } },
    };
    const off: MiddlewareOptions[] = [{}, { hooks: [] }, { cache: false }, { costTracking: false }, { healthCheck: false }, { cooldown: false }];
    const layerCounts = (options: MiddlewareOptions): [number, number] => {
      const eager = createMiddlewareStack(options, [], { core, services });
      const lazy = createLazyMiddlewareStack(options, [], { core, services });
      eager.close();
      lazy.close();
      return [eager.layers.length, lazy.layers.length];
    };
    for (const [name, options] of Object.entries(single)) expect([name, layerCounts(options)]).toEqual([name, [1, 1]]);
    for (const options of off) expect(layerCounts(options)).toEqual([0, 0]);
  });

  it('checks options and knows router aliases at construction, before any layer code is loaded', () => {
    expect(() => createLazyMiddlewareStack({ rateLimit: {} }, [], { core, services })).toThrow(/rateLimit/);
    expect(() => createLazyMiddlewareStack({ cooldown: { failures: 0 } }, [], { core, services })).toThrow(/cooldown\.failures/);
    expect(() => createLazyMiddlewareStack({ hooks: [42 as never] }, [], { core, services })).toThrow(/hooks/);
    const stack = createLazyMiddlewareStack({ router: { smart: { deployments: [{ model: 'openai/gpt-4o' }, { model: 'groq/llama-3.3-70b-versatile' }] } } }, [], { core, services });
    expect([...stack.aliases]).toEqual(['smart']);
  });

  it('runs the configured layers, then the custom ones, then the core', async () => {
    const seen: string[] = [];
    const custom: Middleware = (context, next) => {
      seen.push(`custom:${context.operation}`);
      return next(context);
    };
    const hook = { onRequest: () => void seen.push('hook') };
    const stack = createLazyMiddlewareStack({ hooks: [hook] }, [custom], { core, services });
    expect(stack.layers).toHaveLength(1);
    const terminal: Next = () => {
      seen.push('core');
      return Promise.resolve({ choices: [] });
    };
    const layer = stack.layers[0] as Middleware;
    const context = fakeCallContext({ request: {} });
    await layer(context, terminal);
    await layer(context, terminal);
    expect(seen).toEqual(['hook', 'custom:chat', 'core', 'hook', 'custom:chat', 'core']);
  });

  it('starts health probes once loaded, without waiting for a call', async () => {
    let probes = 0;
    const probe = () => {
      probes += 1;
      return Promise.resolve();
    };
    client = createClient({ apiKeys: { openai: 'k' }, healthCheck: { intervalMs: 10, probe, models: ['openai/gpt-4o'] } });
    await wait(150);
    expect(probes).toBeGreaterThan(0);
  });

  it('closed before the layers finish loading, never starts probing', async () => {
    let probes = 0;
    const probe = () => {
      probes += 1;
      return Promise.resolve();
    };
    const closed = createClient({ apiKeys: { openai: 'k' }, healthCheck: { intervalMs: 10, probe, models: ['openai/gpt-4o'] } });
    closed.close();
    await wait(150);
    expect(probes).toBe(0);
  });
});
