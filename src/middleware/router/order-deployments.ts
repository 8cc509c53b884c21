import type { NormalizedAlias, NormalizedDeployment } from './normalize-router-options.js';

/** What the router has observed of one deployment in this process. */
export interface DeploymentStats {
  /** Calls (and open streams) not finished yet. */
  inFlight: number;
  /** Exponential moving average of the time to a result (streams: until they opened); undefined until one succeeded. */
  latencyMs: number | undefined;
  /** When the deployment was last picked, as a call sequence number (0: never); ties go to the least recently used. */
  lastUsed: number;
}

export interface OrderDeploymentsInput {
  readonly alias: NormalizedAlias;
  readonly stats: readonly DeploymentStats[];
  /** Only these (available) deployments are ordered. */
  readonly deployments: readonly NormalizedDeployment[];
  /** In [0, 1); `weighted` draws with it. */
  readonly random: () => number;
  readonly request: unknown;
}

/**
 * The order in which a call tries an alias's deployments: the first serves it, the others are
 * its failover order. Ties (and `round-robin`) go to the deployment used least recently, so
 * calls spread evenly even while some deployments are skipped.
 *
 * - `round-robin`: the least recently used first.
 * - `weighted`: drawn by weight without replacement (weight 3 is first three times as often as weight 1).
 * - `least-latency`: deployments never measured first, then by moving-average latency.
 * - `lowest-cost`: by `estimateCost(deployment, request)`, else `costPer1kTokens`.
 * - `least-busy`: by calls in flight.
 *
 * @example
 * orderDeployments({ alias, deployments: alias.deployments, stats, random: Math.random, request }); // [deployment 1, deployment 0]
 */
export function orderDeployments(input: OrderDeploymentsInput): NormalizedDeployment[] {
  const { alias, stats } = input;
  const lastUsed = (deployment: NormalizedDeployment): number => stats[deployment.index]?.lastUsed ?? 0;
  const by = (score: (deployment: NormalizedDeployment) => number): NormalizedDeployment[] => {
    const scores = new Map(input.deployments.map((deployment) => [deployment, score(deployment)]));
    const scoreOf = (deployment: NormalizedDeployment): number => scores.get(deployment) ?? 0;
    return [...input.deployments].sort(
      (a, b) => compare(scoreOf(a), scoreOf(b)) || lastUsed(a) - lastUsed(b) || a.index - b.index,
    );
  };
  switch (alias.strategy) {
    case 'round-robin':
      return by(() => 0);
    case 'least-busy':
      return by((deployment) => stats[deployment.index]?.inFlight ?? 0);
    case 'least-latency':
      return by((deployment) => stats[deployment.index]?.latencyMs ?? Number.NEGATIVE_INFINITY);
    case 'lowest-cost':
      return by((deployment) => alias.estimateCost(deployment.options, input.request));
    case 'weighted':
      return drawByWeight(input.deployments, input.random);
    default: {
      const unreachable: never = alias.strategy;
      return unreachable;
    }
  }
}

/** Ascending; equal infinities count as ties (unmeasured deployments). */
function compare(a: number, b: number): number {
  return a === b ? 0 : a - b;
}

function drawByWeight(deployments: readonly NormalizedDeployment[], random: () => number): NormalizedDeployment[] {
  const left = [...deployments];
  const order: NormalizedDeployment[] = [];
  while (left.length > 0) {
    const total = left.reduce((sum, deployment) => sum + deployment.weight, 0);
    let point = random() * total;
    let picked = left.length - 1;
    for (let index = 0; index < left.length; index += 1) {
      point -= (left[index] as NormalizedDeployment).weight;
      if (point < 0) {
        picked = index;
        break;
      }
    }
    order.push(...left.splice(picked, 1));
  }
  return order;
}
