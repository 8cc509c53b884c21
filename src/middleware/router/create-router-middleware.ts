import { ServiceUnavailableError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { Middleware } from '../compose.js';
import type { CallContext, Next } from '../../call/call-context.js';
import type { Operation } from '../../call/operation.js';
import { runWithFailover, type FailoverPlan } from '../fallback/run-with-failover.js';
import { callBudgetSpent } from '../fallback/call-budget-spent.js';
import { normalizeRouterOptions, type NormalizedAlias, type NormalizedDeployment, type RouterOptions } from './normalize-router-options.js';
import { observeStream } from '../../streaming/observe-stream.js';
import { orderDeployments, type DeploymentStats } from './order-deployments.js';
import { resolveAliasRoutes } from './resolve-alias-routes.js';
import type { AliasRoutes } from '../cache/create-cache-scope.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';

export interface RouterDependencies {
  readonly clock?: Clock;
  /** In [0, 1), for the `weighted` strategy (default `Math.random`). */
  readonly random?: () => number;
  /**
   * Whether a deployment may be tried now: e.g. the health-check layer's `isHealthy`, combined
   * with a cooldown status. Deployments that are not available are skipped; when none is, the
   * call fails with a retryable `ServiceUnavailableError` (so an outer fallback moves on).
   */
  readonly isAvailable?: (route: ResolvedRoute) => boolean | Promise<boolean>;
}

/**
 * The router middleware; `aliases` lets the client accept alias model strings it cannot route
 * itself, `routesOf` tells the cache every route a call to an alias may take (undefined for others).
 */
export type RouterMiddleware = Middleware & { readonly aliases: ReadonlySet<string>; readonly routesOf: AliasRoutes };

interface AliasState {
  readonly alias: NormalizedAlias;
  readonly stats: DeploymentStats[];
  routes: readonly ResolvedRoute[] | undefined;
  /** Call sequence, for least-recently-used tie breaking. */
  sequence: number;
}

/**
 * Serves a model alias by several deployments (keys, regions, providers). A call whose
 * `request.model` is an alias gets the route of one deployment, chosen by the alias's strategy
 * (`round-robin`, `weighted`, `least-latency`, `lowest-cost`, `least-busy`), with `request.model`
 * set to the deployment's `model`. Deployments are resolved once, on the first call of the alias.
 *
 * - On a retryable error (429, 5xx, timeout, network, a cooled-down or unhealthy deployment,
 *   which inner layers fail fast with `ServiceUnavailableError`) the next deployment in the
 *   strategy's order is tried; streams only before their first chunk. Aborts and client errors
 *   are thrown as they are. Each deployment that failed before the one that served is recorded in
 *   `callInfo().fallbacks` by its `id`; giving up throws the last error, with all of them as `errors`.
 * - No further deployment is tried once the call's `maxAttempts` requests were sent or its
 *   `timeoutMs` passed (`callBudgetSpent`).
 * - Deployments that `dependencies.isAvailable` reports unavailable are skipped.
 * - Statistics (rotation, latency, calls in flight) live in this process.
 * - Put it inside `fallback`: fallback lists may name aliases, and fallback hands the alias to
 *   the router in `request.model`. Cooldown and health checks go inside the router, so they see
 *   the deployment's route.
 *
 * @example
 * const client = createClient({
 *   middleware: [
 *     createRouterMiddleware({
 *       smart: {
 *         strategy: 'least-latency',
 *         deployments: [
 *           { model: 'openai/gpt-4o', apiKey: process.env.OPENAI_KEY_A },
 *           { model: 'azure/gpt-4o', baseURL: 'https://eu.example.azure.com/openai' },
 *         ],
 *       },
 *     }),
 *   ],
 * });
 * await client.chat({ model: 'smart', messages }); // with modelHint, or once the client knows the router's aliases
 */
export function createRouterMiddleware(options: RouterOptions, dependencies: RouterDependencies = {}): RouterMiddleware {
  const clock = dependencies.clock ?? systemClock;
  const random = dependencies.random ?? Math.random;
  const states = new Map<string, AliasState>();
  for (const [name, alias] of normalizeRouterOptions(options)) {
    states.set(name, {
      alias,
      stats: alias.deployments.map(() => ({ inFlight: 0, latencyMs: undefined, lastUsed: 0 })),
      routes: undefined,
      sequence: 0,
    });
  }

  async function router(context: CallContext, next: Next): Promise<unknown> {
    const model = (context.request as { model?: unknown } | undefined)?.model;
    const state = typeof model === 'string' ? states.get(model) : undefined;
    if (state === undefined) return next(context);
    const { alias } = state;
    const routes = (state.routes ??= resolveAliasRoutes(alias, context.services));
    const available = await keepAvailable(alias.deployments, routes, dependencies.isAvailable);
    // From here to the first attempt nothing awaits, so concurrent calls see each other's picks.
    const order = orderDeployments({ alias, deployments: available, stats: state.stats, random, request: context.request });
    const first = order[0];
    if (first === undefined) {
      throw new ServiceUnavailableError(`no deployment of "${alias.alias}" is available (all are unhealthy or cooling down)`, {
        model: alias.alias,
        retryable: true,
      });
    }
    const stream = STREAM_OPERATIONS.has(context.operation);
    let position = 0;
    const plan: FailoverPlan<NormalizedDeployment> = {
      first,
      attempt: (deployment) => attemptDeployment(context, next, state, deployment, routes, stream),
      next(deployment, error) {
        if (!canFailOver(error, context.options.signal) || callBudgetSpent(context, error)) return undefined;
        position += 1;
        const following = order[position];
        if (following !== undefined) context.info.fallbacks.push(deployment.id);
        return following;
      },
    };
    return runWithFailover(plan, stream);
  }

  async function attemptDeployment(
    context: CallContext,
    next: Next,
    state: AliasState,
    deployment: NormalizedDeployment,
    routes: readonly ResolvedRoute[],
    stream: boolean,
  ): Promise<unknown> {
    const stats = state.stats[deployment.index] as DeploymentStats;
    const route = routes[deployment.index] as ResolvedRoute;
    const request = { ...(context.request as object), model: deployment.target.model };
    state.sequence += 1;
    stats.lastUsed = state.sequence;
    stats.inFlight += 1;
    const startedAt = clock.now();
    let result: unknown;
    try {
      result = await next({ ...context, request, route });
    } catch (error) {
      stats.inFlight -= 1;
      throw error;
    }
    const latencyMs = clock.now() - startedAt;
    const smoothing = state.alias.latencySmoothing;
    stats.latencyMs = stats.latencyMs === undefined ? latencyMs : smoothing * latencyMs + (1 - smoothing) * stats.latencyMs;
    if (stream) {
      return observeStream(result as AsyncIterable<unknown>, {
        onEnd: () => {
          stats.inFlight -= 1;
        },
      });
    }
    stats.inFlight -= 1;
    return result;
  }

  const routesOf: AliasRoutes = (context) => {
    const model = (context.request as { model?: unknown } | undefined)?.model;
    const state = typeof model === 'string' ? states.get(model) : undefined;
    if (state === undefined) return undefined;
    return (state.routes ??= resolveAliasRoutes(state.alias, context.services));
  };

  return Object.assign(router, { aliases: new Set(states.keys()) as ReadonlySet<string>, routesOf });
}

async function keepAvailable(
  order: readonly NormalizedDeployment[],
  routes: readonly ResolvedRoute[],
  isAvailable: RouterDependencies['isAvailable'],
): Promise<readonly NormalizedDeployment[]> {
  if (isAvailable === undefined) return order;
  const available = await Promise.all(order.map((deployment) => isAvailable(routes[deployment.index] as ResolvedRoute)));
  return order.filter((_, index) => available[index] === true);
}

function canFailOver(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted === true || typeof error !== 'object' || error === null) return false;
  const { kind, retryable } = error as { kind?: unknown; retryable?: unknown };
  return kind !== 'Aborted' && retryable === true;
}
