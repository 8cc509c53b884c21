import { memoizeImport } from '../loading/memoize-import.js';
import { compose, type Middleware } from './compose.js';
import type { CallServices, Next } from '../call/call-context.js';
import type { MiddlewareStack } from './create-middleware-stack.js';
import { listConfiguredLayers, validateMiddlewareOptions, type MiddlewareOptions } from './middleware-layers.js';

/**
 * The configured middleware, with options checked now and the layers' code loaded on demand.
 *
 * Construction validates every configured option synchronously (a bad `rateLimit` still throws from
 * `createClient`) and knows the router's aliases, but the layers themselves (cache, limits, cost
 * with its price table, tracing, ...) sit in `create-middleware-stack.ts`, imported when the first
 * layer is configured: an app without middleware never loads them, and a bundler splits them off.
 * The import starts at construction, so health probes begin a moment after `createClient`, and the
 * first call waits for it only if it has not finished. Custom `middleware` needs no loading.
 */
export function createLazyMiddlewareStack(
  options: MiddlewareOptions,
  custom: readonly Middleware[],
  dependencies: { readonly core: Next; readonly services: CallServices },
): MiddlewareStack {
  const aliases = validateMiddlewareOptions(options);
  if (listConfiguredLayers(options).length === 0) return { layers: custom, aliases, close: () => {} };

  let stack: MiddlewareStack | undefined;
  let closed = false;
  const load = memoizeImport(async () => {
    const module = await import('./create-middleware-stack.js');
    stack ??= module.createMiddlewareStack(options, custom, dependencies);
    if (closed) stack.close();
    return stack;
  }, 'the middleware layers');
  // A failed load is reported by the calls that need the layers (each tries it again), not as an
  // unhandled rejection.
  load().catch(() => {});

  const pipelines = new WeakMap<Next, Next>();
  const pipelineFor = (loaded: MiddlewareStack, next: Next): Next => {
    let pipeline = pipelines.get(next);
    if (pipeline === undefined) {
      pipeline = compose(loaded.layers, next);
      pipelines.set(next, pipeline);
    }
    return pipeline;
  };
  // The configured layers wrap custom middleware themselves, so this one layer replaces both.
  const layer: Middleware = (context, next) =>
    stack === undefined ? load().then((loaded) => pipelineFor(loaded, next)(context)) : pipelineFor(stack, next)(context);
  return {
    layers: [layer],
    aliases,
    close: () => {
      closed = true;
      stack?.close();
    },
  };
}
