import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/error-classes.js';
import { normalizeRouterOptions, type RouterOptions } from '../../../src/middleware/router/normalize-router-options.js';
import { orderDeployments, type DeploymentStats } from '../../../src/middleware/router/order-deployments.js';

describe('normalizeRouterOptions', () => {
  it('fills defaults and keeps router-only fields out of the deployment target', () => {
    const aliases = normalizeRouterOptions({
      smart: { deployments: [{ model: 'openai/gpt-4o', apiKey: 'k', weight: 2, costPer1kTokens: 1, id: 'primary' }, { model: 'azure/gpt-4o' }] },
    });
    const smart = aliases.get('smart');
    expect(smart).toMatchObject({ alias: 'smart', strategy: 'round-robin', latencySmoothing: 0.3 });
    expect(smart?.deployments.map((deployment) => [deployment.id, deployment.weight, deployment.target])).toEqual([
      ['primary', 2, { model: 'openai/gpt-4o', apiKey: 'k' }],
      ['azure/gpt-4o', 1, { model: 'azure/gpt-4o' }],
    ]);
    expect(smart?.estimateCost({ model: 'x', costPer1kTokens: 0.25 }, {})).toBe(0.25);
  });

  it.each<[unknown, string]>([
    [[], 'router must be an object'],
    [{}, 'router names no alias'],
    [{ '': { deployments: [{ model: 'a/b' }] } }, 'router has an empty alias'],
    [{ smart: [] }, 'router["smart"] must be an object'],
    [{ smart: { deployments: [{ model: 'a/b' }], strategy: 'fastest' } }, 'router["smart"].strategy must be one of round-robin, weighted'],
    [{ smart: { deployments: [] } }, 'router["smart"].deployments must be a non-empty array'],
    [{ smart: { deployments: [{ model: 'a/b' }], routing: 1 } }, 'router["smart"].routing is not an option'],
    [{ smart: { deployments: [{ model: '' }] } }, 'router["smart"].deployments[0].model must be a non-empty'],
    [{ smart: { deployments: [null] } }, 'router["smart"].deployments[0] must be an object'],
    [{ smart: { deployments: [{ model: 'a/b', weight: 0 }] } }, 'router["smart"].deployments[0].weight must be a positive number'],
    [{ smart: { deployments: [{ model: 'a/b', costPer1kTokens: -1 }] } }, 'router["smart"].deployments[0].costPer1kTokens must be a non-negative number'],
    [{ smart: { strategy: 'lowest-cost', deployments: [{ model: 'a/b', costPer1kTokens: 1 }, { model: 'c/d' }] } }, 'router["smart"].deployments[1].costPer1kTokens is required by strategy "lowest-cost"'],
    [{ smart: { deployments: [{ model: 'a/b', id: 'x' }, { model: 'c/d', id: 'x' }] } }, 'router["smart"].deployments: id "x" is used twice'],
    [{ smart: { deployments: [{ model: 'a/b' }], latencySmoothing: 0 } }, 'router["smart"].latencySmoothing must be a number in (0, 1]'],
    [{ smart: { deployments: [{ model: 'a/b' }], estimateCost: 3 } }, 'router["smart"].estimateCost must be a function'],
  ])('rejects %j naming the field', (options, message) => {
    expect(() => normalizeRouterOptions(options as RouterOptions)).toThrow(ConfigurationError);
    expect(() => normalizeRouterOptions(options as RouterOptions)).toThrow(message);
  });

  it('accepts lowest-cost without costs when estimateCost is given', () => {
    expect(() =>
      normalizeRouterOptions({ smart: { strategy: 'lowest-cost', deployments: [{ model: 'a/b' }], estimateCost: () => 1 } }),
    ).not.toThrow();
  });
});

describe('orderDeployments', () => {
  const stats = (entries: Array<Partial<DeploymentStats>>): DeploymentStats[] =>
    entries.map((entry) => ({ inFlight: 0, latencyMs: undefined, lastUsed: 0, ...entry }));

  it('weighted: draws without replacement, so the failover order holds every deployment once', () => {
    const alias = normalizeRouterOptions({
      smart: { strategy: 'weighted', deployments: [{ model: 'a/1', weight: 1 }, { model: 'b/2', weight: 2 }, { model: 'c/3', weight: 7 }] },
    }).get('smart');
    if (alias === undefined) throw new Error('missing alias');
    // 0.95 of 10 lands in c/3 (3..10); then 0.0 of 3 lands in a/1; b/2 is left.
    const draws = [0.95, 0];
    const order = orderDeployments({ alias, deployments: alias.deployments, stats: stats([{}, {}, {}]), random: () => draws.shift() ?? 0, request: {} });
    expect(order.map((deployment) => deployment.id)).toEqual(['c/3', 'a/1', 'b/2']);
  });

  it('least-latency: unmeasured first (least recently used first), then by average', () => {
    const alias = normalizeRouterOptions({
      smart: { strategy: 'least-latency', deployments: [{ model: 'a/1' }, { model: 'b/2' }, { model: 'c/3' }, { model: 'd/4' }] },
    }).get('smart');
    if (alias === undefined) throw new Error('missing alias');
    const order = orderDeployments({
      alias,
      deployments: alias.deployments,
      stats: stats([{ latencyMs: 50, lastUsed: 1 }, { lastUsed: 3 }, { latencyMs: 20, lastUsed: 2 }, { lastUsed: 0 }]),
      random: Math.random,
      request: {},
    });
    expect(order.map((deployment) => deployment.id)).toEqual(['d/4', 'b/2', 'c/3', 'a/1']);
  });
});
