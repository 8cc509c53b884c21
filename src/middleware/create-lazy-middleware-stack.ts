import { normalizeBudgetOptions } from './budget/normalize-budget-options.js';
import { normalizeCacheOptions } from './cache/normalize-cache-options.js';
import { memoizeImport } from '../loading/memoize-import.js';
import { compose, type Middleware } from './compose.js';
import type { CallServices, Next } from '../call/call-context.js';
import { normalizeCooldownOptions } from './cooldown/normalize-cooldown-options.js';
import { normalizeCostTrackingOptions } from './cost/normalize-cost-tracking-options.js';
import type { MiddlewareOptions, MiddlewareStack } from './create-middleware-stack.js';
import { normalizeFallbackOptions } from './fallback/normalize-fallback-options.js';
import { normalizeHealthCheckOptions } from './health-check/normalize-health-check-options.js';
import { normalizeHooksOptions } from './hooks/normalize-hooks-options.js';
import { isEnabled } from './is-enabled.js';
import { normalizeRateLimitOptions } from './rate-limit/normalize-rate-limit-options.js';
import { normalizeRouterOptions } from './router/normalize-router-options.js';
import { normalizeTracingOptions } from './tracing/normalize-tracing-options.js';

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
  if (!hasConfiguredLayer(options)) return { layers: custom, aliases, close: () => {} };

  let stack: MiddlewareStack | undefined;
  let closed = false;
  const load = memoizeImport(async () => {
    const module = await import('./create-middleware-stack.js');
    stack ??= module.createMiddlewareStack(options, custom, dependencies);
    if (closed) stack.close();
    return stack;
  });
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

/** The same conditions as `createMiddlewareStack` (a test runs every layer option through both). */
function hasConfiguredLayer(options: MiddlewareOptions): boolean {
  return (
    options.tracing !== undefined ||
    (options.hooks !== undefined && options.hooks.length > 0) ||
    isEnabled(options.cache) ||
    options.budget !== undefined ||
    isEnabled(options.costTracking) ||
    options.fallback !== undefined ||
    options.router !== undefined ||
    isEnabled(options.healthCheck) ||
    isEnabled(options.cooldown) ||
    options.rateLimit !== undefined
  );
}

/** Runs each configured layer's option check; returns the router's alias names. */
function validateMiddlewareOptions(options: MiddlewareOptions): ReadonlySet<string> {
  if (options.tracing !== undefined) normalizeTracingOptions(options.tracing);
  if (options.hooks !== undefined) normalizeHooksOptions(options.hooks);
  if (isEnabled(options.cache)) normalizeCacheOptions(options.cache);
  if (options.budget !== undefined) normalizeBudgetOptions(options.budget);
  if (isEnabled(options.costTracking)) normalizeCostTrackingOptions(options.costTracking);
  if (options.fallback !== undefined) normalizeFallbackOptions(options.fallback);
  if (isEnabled(options.healthCheck)) normalizeHealthCheckOptions(options.healthCheck);
  if (isEnabled(options.cooldown)) normalizeCooldownOptions(options.cooldown);
  if (options.rateLimit !== undefined) normalizeRateLimitOptions(options.rateLimit);
  return options.router === undefined ? new Set() : new Set(normalizeRouterOptions(options.router).keys());
}
