import { normalizeBudgetOptions, type BudgetOptions } from './budget/normalize-budget-options.js';
import { normalizeCacheOptions, type CacheOptions } from './cache/normalize-cache-options.js';
import { normalizeCooldownOptions, type CooldownOptions } from './cooldown/normalize-cooldown-options.js';
import { normalizeCostTrackingOptions, type CostTrackingOptions } from './cost/normalize-cost-tracking-options.js';
import { normalizeFallbackOptions, type FallbackOptions } from './fallback/normalize-fallback-options.js';
import { normalizeHealthCheckOptions, type HealthCheckOptions } from './health-check/normalize-health-check-options.js';
import type { Hook } from './hooks/hook.js';
import { normalizeHooksOptions } from './hooks/normalize-hooks-options.js';
import { normalizeRateLimitOptions, type RateLimitOptions } from './rate-limit/normalize-rate-limit-options.js';
import { normalizeRouterOptions, type RouterOptions } from './router/normalize-router-options.js';
import { normalizeTracingOptions, type TracingOptions } from './tracing/normalize-tracing-options.js';

/**
 * One built-in layer: its `createClient` option (which is also its name), when that option puts
 * the layer in the chain, and the check that runs on it at construction. `Option` is the option's
 * type, carried by `isConfigured`'s parameter.
 */
export interface MiddlewareLayer<Key extends string = string, Option = never> {
  readonly key: Key;
  readonly isConfigured: (value: Option | undefined) => boolean;
  /** Throws a `ConfigurationError` naming the field; what it returns is the layer's own business. */
  readonly normalize: (value: Exclude<Option, false>) => unknown;
}

function layer<Option>() {
  return <const Key extends string>(
    key: Key,
    isConfigured: (value: Option | undefined) => boolean,
    normalize: (value: Exclude<Option, false>) => unknown,
  ): MiddlewareLayer<Key, Option> => ({ key, isConfigured, normalize });
}

const isSet = (value: unknown): boolean => value !== undefined;
/** `true` or an options object turns the layer on; absent and `false` leave it off. */
const isEnabled = (value: unknown): boolean => value !== undefined && value !== false;

/**
 * The built-in layers, outermost first: the one list that `MiddlewareOptions`, the known
 * `createClient` options, option checking and both stacks (`create-lazy-middleware-stack.ts`,
 * `create-middleware-stack.ts`, whose creators must name the same keys in the same order) are
 * derived from. Only option checks live here, so this stays in the eager import graph while the
 * layers' code does not. Why this order:
 * - tracing outermost, so a span covers everything, hooks included;
 * - hooks outside retries and fallbacks, so each runs exactly once per call, and sees cache hits;
 * - cache before budget, cost and limits, so a hit spends and counts nothing;
 * - budget and cost outside fallback, so they act once per call, on the route that finally served it;
 * - fallback outside the router, so a fallback list can name an alias and move past a failed one;
 * - router outside health and cooldown, whose fast failures make it skip to the next deployment
 *   (the router asks the health check which deployments are up, so the two are built together);
 * - cooldown inside fallback and router, so every deployment that fails along the way is cooled;
 * - rate limit innermost, so only real sends count, per deployment attempt.
 * Custom `middleware` comes after them, then the core.
 */
export const MIDDLEWARE_LAYERS = [
  layer<TracingOptions>()('tracing', isSet, normalizeTracingOptions),
  layer<readonly Hook[]>()('hooks', (hooks) => hooks !== undefined && hooks.length > 0, normalizeHooksOptions),
  layer<CacheOptions | boolean>()('cache', isEnabled, normalizeCacheOptions),
  layer<BudgetOptions>()('budget', isSet, normalizeBudgetOptions),
  layer<CostTrackingOptions | boolean>()('costTracking', isEnabled, normalizeCostTrackingOptions),
  layer<FallbackOptions>()('fallback', isSet, normalizeFallbackOptions),
  layer<RouterOptions>()('router', isSet, normalizeRouterOptions),
  layer<HealthCheckOptions | boolean>()('healthCheck', isEnabled, normalizeHealthCheckOptions),
  layer<CooldownOptions | boolean>()('cooldown', isEnabled, normalizeCooldownOptions),
  layer<RateLimitOptions>()('rateLimit', isSet, normalizeRateLimitOptions),
] as const;

export type MiddlewareLayers = typeof MIDDLEWARE_LAYERS;
export type MiddlewareLayerKey = MiddlewareLayers[number]['key'];
/** The option type of one layer. */
export type MiddlewareLayerOption<Entry> = Entry extends MiddlewareLayer<string, infer Option> ? Exclude<Option, undefined> : never;

/** The middleware options of `createClient`; a layer that is not configured is not in the chain. */
export type MiddlewareOptions = {
  [Entry in MiddlewareLayers[number] as Entry['key']]?: MiddlewareLayerOption<Entry>;
};

/** The option keys of the built-in layers, in layer order. */
export const MIDDLEWARE_OPTION_KEYS: readonly MiddlewareLayerKey[] = MIDDLEWARE_LAYERS.map((entry) => entry.key);

type AnyLayer = MiddlewareLayer<MiddlewareLayerKey, unknown>;

/** The configured layers, outermost first, each with its option value. */
export function listConfiguredLayers(options: MiddlewareOptions): Array<{ readonly entry: AnyLayer; readonly value: unknown }> {
  const configured: Array<{ entry: AnyLayer; value: unknown }> = [];
  for (const entry of MIDDLEWARE_LAYERS as readonly AnyLayer[]) {
    const value = (options as Record<string, unknown>)[entry.key];
    if (entry.isConfigured(value)) configured.push({ entry, value });
  }
  return configured;
}

/**
 * Runs the option check of every configured layer (a bad option throws from `createClient`, before
 * any layer code is loaded) and returns the router's alias names, which are not `provider/model`.
 */
export function validateMiddlewareOptions(options: MiddlewareOptions): ReadonlySet<string> {
  let aliases: ReadonlySet<string> = new Set();
  for (const { entry, value } of listConfiguredLayers(options)) {
    const normalized = entry.normalize(value);
    if (entry.key === 'router') aliases = new Set((normalized as ReturnType<typeof normalizeRouterOptions>).keys());
  }
  return aliases;
}
