import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { Clock } from '../../transport/clock.js';
import type { DeploymentDescription } from './describe-deployment.js';

/** The health of one deployment, as `status()` reports it. */
export interface DeploymentHealth {
  /** `provider/model`. */
  readonly deployment: string;
  /** Base URL of the deployment (no query, no credentials). */
  readonly endpoint: string;
  readonly healthy: boolean;
  readonly consecutiveFailures: number;
  readonly consecutiveSuccesses: number;
  /** Clock time of the last finished probe. */
  readonly lastCheckedAt: number | undefined;
  /** Message of the last failed probe. */
  readonly lastError: string | undefined;
}

/** A tracked deployment (mutable, inside the health layer only). */
export interface HealthEntry {
  readonly description: DeploymentDescription;
  readonly route: ResolvedRoute;
  healthy: boolean;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  lastCheckedAt: number | undefined;
  lastError: unknown;
  probing: boolean;
}

export interface HealthTracker {
  get(key: string): HealthEntry | undefined;
  /** Starts tracking a deployment (healthy until probes say otherwise); returns the existing entry if tracked. */
  add(description: DeploymentDescription, route: ResolvedRoute): HealthEntry;
  entries(): readonly HealthEntry[];
  size(): number;
  recordSuccess(entry: HealthEntry): void;
  recordFailure(entry: HealthEntry, error: unknown): void;
  status(): DeploymentHealth[];
}

export interface HealthThresholds {
  readonly failureThreshold: number;
  readonly recoveryThreshold: number;
}

/**
 * Health states with hysteresis: `failureThreshold` consecutive failed probes mark a deployment
 * unhealthy, `recoveryThreshold` consecutive successful ones bring it back.
 *
 * @example
 * const tracker = createHealthTracker({ failureThreshold: 3, recoveryThreshold: 2 }, clock);
 */
export function createHealthTracker(thresholds: HealthThresholds, clock: Clock): HealthTracker {
  const entries = new Map<string, HealthEntry>();
  return {
    get: (key) => entries.get(key),
    add(description, route) {
      const existing = entries.get(description.key);
      if (existing !== undefined) return existing;
      const entry: HealthEntry = {
        description,
        route,
        healthy: true,
        consecutiveFailures: 0,
        consecutiveSuccesses: 0,
        lastCheckedAt: undefined,
        lastError: undefined,
        probing: false,
      };
      entries.set(description.key, entry);
      return entry;
    },
    entries: () => [...entries.values()],
    size: () => entries.size,
    recordSuccess(entry) {
      entry.lastCheckedAt = clock.now();
      entry.consecutiveFailures = 0;
      entry.consecutiveSuccesses += 1;
      if (!entry.healthy && entry.consecutiveSuccesses >= thresholds.recoveryThreshold) {
        entry.healthy = true;
        entry.lastError = undefined;
      }
    },
    recordFailure(entry, error) {
      entry.lastCheckedAt = clock.now();
      entry.lastError = error;
      entry.consecutiveSuccesses = 0;
      entry.consecutiveFailures += 1;
      if (entry.healthy && entry.consecutiveFailures >= thresholds.failureThreshold) entry.healthy = false;
    },
    status: () =>
      [...entries.values()].map((entry) => ({
        deployment: entry.description.label,
        endpoint: entry.description.endpoint,
        healthy: entry.healthy,
        consecutiveFailures: entry.consecutiveFailures,
        consecutiveSuccesses: entry.consecutiveSuccesses,
        lastCheckedAt: entry.lastCheckedAt,
        lastError: entry.lastError === undefined ? undefined : messageOf(entry.lastError),
      })),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
