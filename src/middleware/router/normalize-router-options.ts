import { ConfigurationError } from '../../errors/error-classes.js';
import type { DeploymentTarget } from '../../call/call-context.js';

/** How the router picks among an alias's deployments. */
export type RoutingStrategy = 'round-robin' | 'weighted' | 'least-latency' | 'lowest-cost' | 'least-busy';

export const ROUTING_STRATEGIES: readonly RoutingStrategy[] = ['round-robin', 'weighted', 'least-latency', 'lowest-cost', 'least-busy'];

/** One deployment of an alias: a `provider/model` plus its own key, endpoint or headers. */
export interface RouterDeployment extends DeploymentTarget {
  /** Names the deployment in `callInfo().fallbacks` (default: its `model`, or `model#index` when the alias has several of that model). */
  readonly id?: string;
  /** `weighted`: relative share of calls (default 1). */
  readonly weight?: number;
  /** `lowest-cost`: estimated USD per 1,000 tokens (any consistent unit works: only the order matters). */
  readonly costPer1kTokens?: number;
}

/** One alias: `router: { smart: { strategy: 'least-latency', deployments: [...] } }`. */
export interface RouterAliasOptions {
  /** Default `round-robin`. */
  readonly strategy?: RoutingStrategy;
  readonly deployments: readonly RouterDeployment[];
  /** `lowest-cost`: the cost of a deployment for this request (instead of `costPer1kTokens`); lower is tried first. */
  readonly estimateCost?: (deployment: RouterDeployment, request: unknown) => number;
  /** `least-latency`: weight of the newest observation in the moving average, in (0, 1] (default 0.3). */
  readonly latencySmoothing?: number;
}

/** `createClient({ router })`: model aliases, each served by several deployments. */
export type RouterOptions = Readonly<Record<string, RouterAliasOptions>>;

export interface NormalizedDeployment {
  readonly id: string;
  readonly index: number;
  readonly options: RouterDeployment;
  /** What `services.resolveDeployment` receives (router-only fields removed). */
  readonly target: DeploymentTarget;
  readonly weight: number;
}

export interface NormalizedAlias {
  readonly alias: string;
  readonly strategy: RoutingStrategy;
  readonly deployments: readonly NormalizedDeployment[];
  readonly estimateCost: (deployment: RouterDeployment, request: unknown) => number;
  readonly latencySmoothing: number;
}

const ALIAS_KEYS = new Set(['strategy', 'deployments', 'estimateCost', 'latencySmoothing']);

/**
 * Validates `router` options once; bad values throw a `ConfigurationError` naming the field.
 *
 * @example
 * normalizeRouterOptions({ smart: { strategy: 'weighted', deployments: [{ model: 'openai/gpt-4o', weight: 3 }, { model: 'azure/gpt-4o' }] } });
 */
export function normalizeRouterOptions(options: RouterOptions): ReadonlyMap<string, NormalizedAlias> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('router must be an object mapping an alias to { strategy, deployments }');
  }
  const aliases = new Map<string, NormalizedAlias>();
  for (const [alias, value] of Object.entries(options)) aliases.set(alias, normalizeAlias(alias, value));
  if (aliases.size === 0) throw new ConfigurationError('router names no alias');
  return aliases;
}

function normalizeAlias(alias: string, value: unknown): NormalizedAlias {
  const field = `router["${alias}"]`;
  if (alias.trim() === '') throw new ConfigurationError('router has an empty alias');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${field} must be an object { strategy, deployments }`);
  }
  for (const key of Object.keys(value)) {
    if (!ALIAS_KEYS.has(key)) throw new ConfigurationError(`${field}.${key} is not an option (expected one of ${[...ALIAS_KEYS].join(', ')})`);
  }
  const options = value as RouterAliasOptions;
  const strategy = options.strategy ?? 'round-robin';
  if (!ROUTING_STRATEGIES.includes(strategy)) {
    throw new ConfigurationError(`${field}.strategy must be one of ${ROUTING_STRATEGIES.join(', ')}`);
  }
  if (!Array.isArray(options.deployments) || options.deployments.length === 0) {
    throw new ConfigurationError(`${field}.deployments must be a non-empty array of { model, ... }`);
  }
  if (options.estimateCost !== undefined && typeof options.estimateCost !== 'function') {
    throw new ConfigurationError(`${field}.estimateCost must be a function (deployment, request) => number`);
  }
  const latencySmoothing = options.latencySmoothing ?? 0.3;
  if (typeof latencySmoothing !== 'number' || !(latencySmoothing > 0 && latencySmoothing <= 1)) {
    throw new ConfigurationError(`${field}.latencySmoothing must be a number in (0, 1]`);
  }
  const models = options.deployments.map((deployment: unknown) => (deployment as { model?: unknown } | null)?.model);
  const deployments = options.deployments.map((deployment, index) =>
    normalizeDeployment(`${field}.deployments[${index}]`, deployment, index, models, strategy, options.estimateCost !== undefined),
  );
  const ids = new Set<string>();
  for (const deployment of deployments) {
    if (ids.has(deployment.id)) throw new ConfigurationError(`${field}.deployments: id "${deployment.id}" is used twice`);
    ids.add(deployment.id);
  }
  return {
    alias,
    strategy,
    deployments,
    estimateCost: options.estimateCost ?? ((deployment) => deployment.costPer1kTokens ?? 0),
    latencySmoothing,
  };
}

function normalizeDeployment(
  field: string,
  value: unknown,
  index: number,
  models: readonly unknown[],
  strategy: RoutingStrategy,
  hasCostEstimator: boolean,
): NormalizedDeployment {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${field} must be an object { model, apiKey?, baseURL?, headers?, weight?, ... }`);
  }
  const { id, weight, costPer1kTokens, ...target } = value as RouterDeployment;
  if (typeof target.model !== 'string' || target.model.trim() === '') {
    throw new ConfigurationError(`${field}.model must be a non-empty "provider/model" string`);
  }
  if (id !== undefined && (typeof id !== 'string' || id === '')) throw new ConfigurationError(`${field}.id must be a non-empty string`);
  if (weight !== undefined && (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)) {
    throw new ConfigurationError(`${field}.weight must be a positive number`);
  }
  if (costPer1kTokens !== undefined && (typeof costPer1kTokens !== 'number' || !Number.isFinite(costPer1kTokens) || costPer1kTokens < 0)) {
    throw new ConfigurationError(`${field}.costPer1kTokens must be a non-negative number`);
  }
  if (strategy === 'lowest-cost' && !hasCostEstimator && costPer1kTokens === undefined) {
    throw new ConfigurationError(`${field}.costPer1kTokens is required by strategy "lowest-cost" (or give the alias an estimateCost function)`);
  }
  const shared = models.filter((model) => model === target.model).length > 1;
  return {
    id: id ?? (shared ? `${target.model}#${index}` : target.model),
    index,
    options: value as RouterDeployment,
    target,
    weight: weight ?? 1,
  };
}
