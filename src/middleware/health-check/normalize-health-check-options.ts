import { ConfigurationError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { DeploymentTarget } from '../../call/call-context.js';

/** Checks one deployment: resolves when it is healthy, rejects (or throws) when not. */
export type HealthProbe = (route: ResolvedRoute, signal: AbortSignal) => Promise<unknown>;

/** A built-in probe: `models` lists the provider's models (a 1-token chat when it has no models endpoint); `chat` sends a 1-token chat. */
export type HealthProbeKind = 'models' | 'chat';

/** `createClient({ healthCheck })` and `createHealthCheckMiddleware(options)`. */
export interface HealthCheckOptions {
  /** Time between two probes of a deployment (default 30000). */
  readonly intervalMs?: number;
  /** Longest a probe may take before it counts as failed (default 10000). */
  readonly timeoutMs?: number;
  /** Consecutive failed probes that mark a healthy deployment unhealthy (default 3). */
  readonly failureThreshold?: number;
  /** Consecutive successful probes that bring an unhealthy deployment back (default 2). */
  readonly recoveryThreshold?: number;
  /** Default `models`; or a function of your own. */
  readonly probe?: HealthProbeKind | HealthProbe;
  /** Deployments to check (a `provider/model` plus its own key, endpoint or headers, as in `router`). */
  readonly deployments?: readonly DeploymentTarget[];
  /** Models to check, as `provider/model` strings. Without `deployments` and `models`, every deployment the layer sees a call for is checked. */
  readonly models?: readonly string[];
}

export interface NormalizedHealthCheckOptions {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly failureThreshold: number;
  readonly recoveryThreshold: number;
  readonly probe: HealthProbeKind | HealthProbe;
  readonly deployments: readonly DeploymentTarget[];
  readonly models: readonly string[];
  /** True when neither `deployments` nor `models` was given: deployments are learnt from calls. */
  readonly discover: boolean;
}

const KEYS = new Set(['intervalMs', 'timeoutMs', 'failureThreshold', 'recoveryThreshold', 'probe', 'deployments', 'models']);

/**
 * Fills in `healthCheck` defaults; bad values throw a `ConfigurationError` naming the field.
 *
 * @example
 * normalizeHealthCheckOptions(true); // { intervalMs: 30000, timeoutMs: 10000, failureThreshold: 3, recoveryThreshold: 2, probe: 'models', ... }
 */
export function normalizeHealthCheckOptions(options: HealthCheckOptions | true): NormalizedHealthCheckOptions {
  const value: HealthCheckOptions = options === true ? {} : options;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError('healthCheck must be true or an object such as { intervalMs: 30000 }');
  }
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key)) throw new ConfigurationError(`healthCheck.${key} is not an option (expected one of ${[...KEYS].join(', ')})`);
  }
  const probe = value.probe ?? 'models';
  if (probe !== 'models' && probe !== 'chat' && typeof probe !== 'function') {
    throw new ConfigurationError('healthCheck.probe must be "models", "chat" or a function (route, signal) => Promise');
  }
  const deployments = value.deployments ?? [];
  if (!Array.isArray(deployments)) throw new ConfigurationError('healthCheck.deployments must be an array of { model, ... }');
  deployments.forEach((deployment: unknown, index) => {
    const model = (deployment as { model?: unknown } | null)?.model;
    if (typeof model !== 'string' || model.trim() === '') {
      throw new ConfigurationError(`healthCheck.deployments[${index}].model must be a non-empty "provider/model" string`);
    }
  });
  const models = value.models ?? [];
  if (!Array.isArray(models)) throw new ConfigurationError('healthCheck.models must be an array of "provider/model" strings');
  models.forEach((model: unknown, index) => {
    if (typeof model !== 'string' || model.trim() === '') {
      throw new ConfigurationError(`healthCheck.models[${index}] must be a non-empty "provider/model" string`);
    }
  });
  return {
    intervalMs: positive('intervalMs', value.intervalMs, 30_000),
    timeoutMs: positive('timeoutMs', value.timeoutMs, 10_000),
    failureThreshold: count('failureThreshold', value.failureThreshold, 3),
    recoveryThreshold: count('recoveryThreshold', value.recoveryThreshold, 2),
    probe,
    deployments,
    models,
    discover: deployments.length === 0 && models.length === 0,
  };
}

function positive(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(`healthCheck.${field} must be a positive number of milliseconds`);
  }
  return value;
}

function count(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigurationError(`healthCheck.${field} must be a whole number of at least 1`);
  }
  return value;
}
