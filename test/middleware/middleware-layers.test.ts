import { describe, expect, it } from 'vitest';
import type { Next } from '../../src/call/call-context.js';
import { createClient } from '../../src/index.js';
import { createLazyMiddlewareStack } from '../../src/middleware/create-lazy-middleware-stack.js';
import { createMiddlewareStack } from '../../src/middleware/create-middleware-stack.js';
import * as middlewareExports from '../../src/middleware/middleware-exports.js';
import { MIDDLEWARE_LAYERS, MIDDLEWARE_OPTION_KEYS, listConfiguredLayers, type MiddlewareOptions } from '../../src/middleware/middleware-layers.js';

const services = { resolveRoute: () => { throw new Error('not used'); }, resolveDeployment: () => { throw new Error('not used'); } };
const core: Next = () => Promise.resolve('core');
const noopSpan = { setAttribute: () => noopSpan, setStatus: () => noopSpan, end: () => {} };

/** One valid option per layer of the table, keyed like it. */
const EVERY_LAYER: Required<MiddlewareOptions> = {
  tracing: { tracer: { startSpan: () => noopSpan } },
  hooks: [{ onRequest: () => {} }],
  cache: true,
  budget: { limitUsd: 1 },
  costTracking: true,
  fallback: { models: { 'openai/gpt-4o': ['openai/gpt-4o-mini'] } },
  router: { smart: { deployments: [{ model: 'openai/gpt-4o' }] } },
  healthCheck: true,
  cooldown: true,
  rateLimit: { rpm: 1 },
};

describe('MIDDLEWARE_LAYERS', () => {
  it('lists the layers in the documented order', () => {
    expect(MIDDLEWARE_OPTION_KEYS).toEqual(['tracing', 'hooks', 'cache', 'budget', 'costTracking', 'fallback', 'router', 'healthCheck', 'cooldown', 'rateLimit']);
    expect(MIDDLEWARE_LAYERS.map((entry) => entry.key)).toEqual(MIDDLEWARE_OPTION_KEYS);
  });

  it('drives the known createClient options: each layer key is accepted, an unknown one is rejected', () => {
    for (const key of MIDDLEWARE_OPTION_KEYS) {
      const client = createClient({ apiKeys: { openai: 'k' }, [key]: EVERY_LAYER[key] } as never);
      client.close();
    }
    expect(() => createClient({ apiKeys: { openai: 'k' }, rateLimits: { rpm: 1 } } as never)).toThrow(/unknown createClient option "rateLimits"/);
  });

  it('checks each configured option through its own normalizer', () => {
    for (const entry of MIDDLEWARE_LAYERS) {
      const bad = entry.key === 'hooks' ? [42] : entry.key === 'cache' || entry.key === 'costTracking' || entry.key === 'healthCheck' || entry.key === 'cooldown' ? 'yes' : 42;
      expect(() => createLazyMiddlewareStack({ [entry.key]: bad } as never, [], { core, services }), entry.key).toThrow(new RegExp(entry.key));
    }
  });

  it('builds the same layers in the same order in the eager and the lazy stack', async () => {
    const eager = createMiddlewareStack(EVERY_LAYER, [], { core, services });
    const lazy = createLazyMiddlewareStack(EVERY_LAYER, [], { core, services });
    try {
      expect(listConfiguredLayers(EVERY_LAYER).map(({ entry }) => entry.key)).toEqual(MIDDLEWARE_OPTION_KEYS);
      // Each layer function is named after its key (`hooksMiddleware` for hooks).
      const names = (layers: readonly { name: string }[]) => layers.map((layer) => layer.name.replace(/Middleware$/, ''));
      expect(names(eager.layers)).toEqual(MIDDLEWARE_OPTION_KEYS);
      // The lazy stack is one layer over the stack its module builds from the same table.
      expect(lazy.layers).toHaveLength(1);
      const loaded = (await import('../../src/middleware/create-middleware-stack.js')).createMiddlewareStack(EVERY_LAYER, [], { core, services });
      expect(names(loaded.layers)).toEqual(names(eager.layers));
      loaded.close();
      expect([...lazy.aliases]).toEqual([...eager.aliases]);
    } finally {
      eager.close();
      lazy.close();
    }
  });

  it('has a create<Key>Middleware factory exported for every layer', () => {
    for (const key of MIDDLEWARE_OPTION_KEYS) {
      const factory = `create${key[0]?.toUpperCase()}${key.slice(1)}Middleware`;
      expect(typeof (middlewareExports as Record<string, unknown>)[factory], factory).toBe('function');
    }
  });
});
