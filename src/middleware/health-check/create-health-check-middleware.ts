import type { ResolvedProvider } from '../../routing/resolved-provider.js';
import { isUnsentRequestError } from '../../errors/is-unsent-request-error.js';
import { ServiceUnavailableError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import { createLinkedSignal } from '../../transport/create-linked-signal.js';
import type { Middleware } from '../compose.js';
import type { CallContext, CallServices, Next } from '../../call/call-context.js';
import { UNRESOLVED_PROVIDER_ID } from '../router/create-unresolved-route.js';
import { createHealthProbe } from './create-health-probe.js';
import { createHealthTracker, type DeploymentHealth, type HealthEntry } from './create-health-tracker.js';
import { describeDeployment, type DeploymentDescription } from './describe-deployment.js';
import { systemHealthTimer, type HealthTimer } from './health-timer.js';
import { normalizeHealthCheckOptions, type HealthCheckOptions, type HealthProbe } from './normalize-health-check-options.js';

/** Deployments learnt from calls, at most (a bound on memory and probe traffic). */
const MAX_DISCOVERED = 256;

export interface HealthCheckDependencies {
  readonly clock?: Clock;
  /** Schedules the probes (default: `setInterval`, unref'd). */
  readonly timer?: HealthTimer;
  /**
   * Where built-in probes are sent. The client passes its core handler, so probes skip rate
   * limits and cooldown; without it probes go through the layers inside this one, starting once
   * the first call has passed.
   */
  readonly send?: Next;
  /** Resolves configured `deployments` / `models` at construction and starts probing at once; else on the first call. */
  readonly services?: CallServices;
}

/** The middleware plus the handles the client needs: `close()` from `client.close()`, `status()`, `isHealthy(route)` for the router. */
export type HealthCheckMiddleware = Middleware & {
  /** Stops the probes and aborts running ones; afterwards calls pass through unchecked. Idempotent. */
  close(): void;
  /** Every tracked deployment, in the order it was first tracked. */
  status(): DeploymentHealth[];
  /** False only for a tracked deployment that is unhealthy (unknown deployments are healthy). */
  isHealthy(route: ResolvedRoute): boolean;
  /** Probes every tracked deployment once now (what each interval does); resolves when all probes finished. */
  checkNow(): Promise<void>;
};

/**
 * Periodic cheap probes per deployment, with failure and recovery thresholds. A call to a
 * deployment marked unhealthy fails at once with a retryable `ServiceUnavailableError`, so the
 * router (or fallback) outside this layer moves on to another deployment. Probes run every
 * `intervalMs` once started (at construction with `dependencies.services`, else on the first
 * call), on an unref'd timer that never keeps the process alive; `close()` stops them.
 * Deployments are the configured `deployments` / `models`, else every deployment a call was seen
 * for (up to 256). Only probes change health; real call failures are the cooldown layer's job.
 * Place it inside the router, outside cooldown and rate limits.
 *
 * @example
 * const health = createHealthCheckMiddleware({ intervalMs: 15_000, failureThreshold: 2, recoveryThreshold: 2 });
 * const router = createRouterMiddleware({ smart: { deployments } }, { isAvailable: health.isHealthy });
 * const client = createClient({ middleware: [router, health] });
 * // ... on shutdown
 * health.close();
 */
export function createHealthCheckMiddleware(
  options: HealthCheckOptions | true,
  dependencies: HealthCheckDependencies = {},
): HealthCheckMiddleware {
  const normalized = normalizeHealthCheckOptions(options);
  const clock = dependencies.clock ?? systemClock;
  const timer = dependencies.timer ?? systemHealthTimer;
  const tracker = createHealthTracker(normalized, clock);
  const closing = new AbortController();
  const descriptions = new WeakMap<ResolvedProvider, Map<string, DeploymentDescription>>();
  let send = dependencies.send;
  let probe: HealthProbe | undefined = typeof normalized.probe === 'function' ? normalized.probe : undefined;
  let stopTimer: (() => void) | undefined;
  let started = false;

  const describe = (route: ResolvedRoute): DeploymentDescription => {
    let byModel = descriptions.get(route.provider);
    if (byModel === undefined) {
      byModel = new Map();
      descriptions.set(route.provider, byModel);
    }
    let description = byModel.get(route.model);
    if (description === undefined) {
      description = describeDeployment(route);
      byModel.set(route.model, description);
    }
    return description;
  };

  const start = (services: CallServices): void => {
    if (started || closing.signal.aborted) return;
    const routes = [
      ...normalized.deployments.map((target) => services.resolveDeployment(target)),
      ...normalized.models.map((model) => services.resolveRoute(model)),
    ];
    started = true;
    for (const route of routes) tracker.add(describe(route), route);
    stopTimer = timer.every(normalized.intervalMs, checkNow);
  };

  async function checkNow(): Promise<void> {
    if (closing.signal.aborted) return;
    if (probe === undefined && send !== undefined && typeof normalized.probe !== 'function') {
      probe = createHealthProbe(normalized.probe, send, normalized.timeoutMs);
    }
    const current = probe;
    if (current === undefined) return;
    await Promise.all(tracker.entries().filter((entry) => !entry.probing).map((entry) => runProbe(current, entry)));
  }

  async function runProbe(current: HealthProbe, entry: HealthEntry): Promise<void> {
    entry.probing = true;
    const linked = createLinkedSignal(closing.signal, normalized.timeoutMs);
    try {
      await current(entry.route, linked.signal);
      if (!closing.signal.aborted) tracker.recordSuccess(entry);
    } catch (error) {
      if (!closing.signal.aborted && !isUnsentRequestError(error)) tracker.recordFailure(entry, error);
    } finally {
      linked.dispose();
      entry.probing = false;
    }
  }

  const isHealthy = (route: ResolvedRoute): boolean => {
    if (closing.signal.aborted) return true;
    return tracker.get(describe(route).key)?.healthy ?? true;
  };

  async function healthCheck(context: CallContext, next: Next): Promise<unknown> {
    if (closing.signal.aborted) return next(context);
    send ??= next;
    if (!started) start(context.services);
    const { route } = context;
    if (route.model === '' || route.provider.id === UNRESOLVED_PROVIDER_ID) return next(context);
    const description = describe(route);
    let entry = tracker.get(description.key);
    if (entry === undefined && normalized.discover && tracker.size() < MAX_DISCOVERED) {
      entry = tracker.add(description, route);
    }
    if (entry !== undefined && !entry.healthy) {
      throw new ServiceUnavailableError(
        `${description.label} is unhealthy: its last ${entry.consecutiveFailures} health checks failed`,
        { provider: route.provider.id, model: route.model, retryable: true, cause: entry.lastError },
      );
    }
    return next(context);
  }

  if (dependencies.services !== undefined) start(dependencies.services);

  return Object.assign(healthCheck, {
    close(): void {
      if (closing.signal.aborted) return;
      closing.abort();
      stopTimer?.();
    },
    status: () => tracker.status(),
    isHealthy,
    checkNow,
  });
}
