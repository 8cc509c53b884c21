import type { ResolvedRoute } from '../routing/resolved-route.js';
import { createBudgetMiddleware } from './budget/create-budget-middleware.js';
import type { BudgetOptions } from './budget/normalize-budget-options.js';
import { createCacheMiddleware } from './cache/create-cache-middleware.js';
import type { CacheOptions } from './cache/normalize-cache-options.js';
import type { Middleware } from './compose.js';
import type { CallServices, Next } from '../call/call-context.js';
import { createCooldownMiddleware } from './cooldown/create-cooldown-middleware.js';
import type { CooldownOptions } from './cooldown/normalize-cooldown-options.js';
import { createCostTrackingMiddleware } from './cost/create-cost-tracking-middleware.js';
import type { CostTrackingOptions } from './cost/normalize-cost-tracking-options.js';
import { createFallbackMiddleware } from './fallback/create-fallback-middleware.js';
import type { FallbackOptions } from './fallback/normalize-fallback-options.js';
import { createHealthCheckMiddleware, type HealthCheckMiddleware } from './health-check/create-health-check-middleware.js';
import type { HealthCheckOptions } from './health-check/normalize-health-check-options.js';
import { isEnabled } from './is-enabled.js';
import { createHooksMiddleware } from './hooks/create-hooks-middleware.js';
import type { Hook } from './hooks/hook.js';
import { createRateLimitMiddleware } from './rate-limit/create-rate-limit-middleware.js';
import type { RateLimitOptions } from './rate-limit/normalize-rate-limit-options.js';
import { createRouterMiddleware, type RouterMiddleware } from './router/create-router-middleware.js';
import type { RouterOptions } from './router/normalize-router-options.js';
import { createTracingMiddleware } from './tracing/create-tracing-middleware.js';
import type { TracingOptions } from './tracing/normalize-tracing-options.js';

/** The middleware options of `createClient`; a layer that is not configured is not in the chain. */
export interface MiddlewareOptions {
  cache?: CacheOptions | boolean;
  rateLimit?: RateLimitOptions;
  cooldown?: CooldownOptions | boolean;
  healthCheck?: HealthCheckOptions | boolean;
  fallback?: FallbackOptions;
  router?: RouterOptions;
  budget?: BudgetOptions;
  hooks?: readonly Hook[];
  costTracking?: CostTrackingOptions | boolean;
  tracing?: TracingOptions;
}

export interface MiddlewareStack {
  /** Outermost first, ready for `compose`. */
  readonly layers: readonly Middleware[];
  /** Model strings the router serves (they are not `provider/model`). */
  readonly aliases: ReadonlySet<string>;
  /** Stops timers (health probes). */
  close(): void;
}

/**
 * Builds the configured layers in the default order, outermost first:
 * tracing → hooks → cache → budget → costTracking → fallback → router → healthCheck → cooldown →
 * rateLimit → custom `middleware` → core. Why:
 * - tracing outermost, so a span covers everything, hooks included;
 * - hooks outside retries and fallbacks, so each runs exactly once per call, and sees cache hits;
 * - cache before budget, cost and limits, so a hit spends and counts nothing;
 * - budget and cost outside fallback, so they act once per call, on the route that finally served it;
 * - fallback outside the router, so a fallback list can name an alias and move past a failed one;
 * - router outside health and cooldown, whose fast failures make it skip to the next deployment;
 * - cooldown inside fallback and router, so every deployment that fails along the way is cooled;
 * - rate limit innermost, so only real sends count, per deployment attempt.
 */
export function createMiddlewareStack(
  options: MiddlewareOptions,
  custom: readonly Middleware[],
  dependencies: { readonly core: Next; readonly services: CallServices },
): MiddlewareStack {
  let health: HealthCheckMiddleware | undefined;
  if (isEnabled(options.healthCheck)) {
    health = createHealthCheckMiddleware(options.healthCheck, { send: dependencies.core, services: dependencies.services });
  }
  let router: RouterMiddleware | undefined;
  if (options.router !== undefined) {
    const isHealthy = health?.isHealthy;
    router = createRouterMiddleware(options.router, isHealthy === undefined ? {} : { isAvailable: (route: ResolvedRoute) => isHealthy(route) });
  }
  const layers: Middleware[] = [];
  if (options.tracing !== undefined) layers.push(createTracingMiddleware(options.tracing));
  if (options.hooks !== undefined && options.hooks.length > 0) layers.push(createHooksMiddleware(options.hooks));
  if (isEnabled(options.cache)) layers.push(createCacheMiddleware(options.cache));
  if (options.budget !== undefined) layers.push(createBudgetMiddleware(options.budget));
  if (isEnabled(options.costTracking)) layers.push(createCostTrackingMiddleware(options.costTracking));
  if (options.fallback !== undefined) layers.push(createFallbackMiddleware(options.fallback));
  if (router !== undefined) layers.push(router);
  if (health !== undefined) layers.push(health);
  if (isEnabled(options.cooldown)) layers.push(createCooldownMiddleware(options.cooldown));
  if (options.rateLimit !== undefined) layers.push(createRateLimitMiddleware(options.rateLimit));
  layers.push(...custom);
  return {
    layers,
    aliases: router?.aliases ?? new Set(),
    close: () => health?.close(),
  };
}
