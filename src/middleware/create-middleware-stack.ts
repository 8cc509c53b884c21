import type { ResolvedRoute } from '../routing/resolved-route.js';
import { createBudgetMiddleware } from './budget/create-budget-middleware.js';
import { createCacheMiddleware } from './cache/create-cache-middleware.js';
import type { Middleware } from './compose.js';
import type { CallServices, Next } from '../call/call-context.js';
import { createCooldownMiddleware } from './cooldown/create-cooldown-middleware.js';
import { createCostTrackingMiddleware } from './cost/create-cost-tracking-middleware.js';
import { createFallbackMiddleware } from './fallback/create-fallback-middleware.js';
import { createHealthCheckMiddleware, type HealthCheckMiddleware } from './health-check/create-health-check-middleware.js';
import { createHooksMiddleware } from './hooks/create-hooks-middleware.js';
import {
  listConfiguredLayers,
  type MiddlewareLayerOption,
  type MiddlewareLayers,
  type MiddlewareOptions,
} from './middleware-layers.js';
import { createRateLimitMiddleware } from './rate-limit/create-rate-limit-middleware.js';
import { createRouterMiddleware, type RouterMiddleware } from './router/create-router-middleware.js';
import { createTracingMiddleware } from './tracing/create-tracing-middleware.js';

export type { MiddlewareOptions } from './middleware-layers.js';

export interface MiddlewareStack {
  /** Outermost first, ready for `compose`. */
  readonly layers: readonly Middleware[];
  /** Model strings the router serves (they are not `provider/model`). */
  readonly aliases: ReadonlySet<string>;
  /** Stops timers (health probes). */
  close(): void;
}

interface StackDependencies {
  readonly core: Next;
  readonly services: CallServices;
}

/** What creators share: the health check, built once for both itself and the router that asks it; the router, for the cache. */
interface LayerWiring {
  health(): HealthCheckMiddleware | undefined;
  /** The router, once built (after the cache, which asks it at call time). */
  router(): RouterMiddleware | undefined;
}

type LayerCreator<Entry> = (option: Exclude<MiddlewareLayerOption<Entry>, false>, wiring: LayerWiring) => Middleware;

/** One creator per entry of `MIDDLEWARE_LAYERS`: the same keys in the same order, checked by the type. */
type CreatorsOf<Layers extends readonly unknown[]> = {
  readonly [Index in keyof Layers]: readonly [Layers[Index] extends { readonly key: infer Key } ? Key : never, LayerCreator<Layers[Index]>];
};
type LayerCreators = CreatorsOf<MiddlewareLayers>;

const LAYER_CREATORS = [
  ['tracing', (option) => createTracingMiddleware(option)],
  ['hooks', (option) => createHooksMiddleware(option)],
  ['cache', (option, wiring) => createCacheMiddleware(option, { aliasRoutes: (context) => wiring.router()?.routesOf(context) })],
  ['budget', (option) => createBudgetMiddleware(option)],
  ['costTracking', (option) => createCostTrackingMiddleware(option)],
  ['fallback', (option) => createFallbackMiddleware(option)],
  [
    'router',
    (option, wiring): RouterMiddleware => {
      const isHealthy = wiring.health()?.isHealthy;
      return createRouterMiddleware(option, isHealthy === undefined ? {} : { isAvailable: (route: ResolvedRoute) => isHealthy(route) });
    },
  ],
  ['healthCheck', (_option, wiring) => wiring.health() as HealthCheckMiddleware],
  ['cooldown', (option) => createCooldownMiddleware(option)],
  ['rateLimit', (option) => createRateLimitMiddleware(option)],
] as const satisfies LayerCreators;

const CREATOR_BY_KEY = new Map<string, LayerCreator<never>>(LAYER_CREATORS as unknown as ReadonlyArray<[string, LayerCreator<never>]>);

/**
 * Builds the configured layers in the order of `MIDDLEWARE_LAYERS` (outermost first, with the
 * reasons for that order), then the custom `middleware`; the core comes after them.
 */
export function createMiddlewareStack(options: MiddlewareOptions, custom: readonly Middleware[], dependencies: StackDependencies): MiddlewareStack {
  const configured = listConfiguredLayers(options);
  let health: HealthCheckMiddleware | undefined;
  const healthOption = configured.find(({ entry }) => entry.key === 'healthCheck')?.value;
  if (healthOption !== undefined) {
    health = createHealthCheckMiddleware(healthOption as Exclude<MiddlewareOptions['healthCheck'], false | undefined>, {
      send: dependencies.core,
      services: dependencies.services,
    });
  }
  let router: RouterMiddleware | undefined;
  const wiring: LayerWiring = { health: () => health, router: () => router };
  const layers: Middleware[] = [];
  for (const { entry, value } of configured) {
    const layer = (CREATOR_BY_KEY.get(entry.key) as LayerCreator<never>)(value as never, wiring);
    if (entry.key === 'router') router = layer as RouterMiddleware;
    layers.push(layer);
  }
  layers.push(...custom);
  return {
    layers,
    aliases: router?.aliases ?? new Set(),
    close: () => health?.close(),
  };
}
