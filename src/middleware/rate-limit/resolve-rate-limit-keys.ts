import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { NormalizedRateLimitOptions, NormalizedRateLimitRule } from './normalize-rate-limit-options.js';
import type { RateLimitKeyRequest } from './rate-limit-store.js';

/** A limited key before the call's tokens are known. */
export interface RateLimitKeyLimit {
  readonly key: string;
  readonly rpm: number | undefined;
  readonly tpm: number | undefined;
}

/**
 * The limits a route is subject to: its model (`model:<provider>/<model>`: the `perModel` entry
 * over the top-level default) and its provider (`provider:<id>`: the `perProvider` entry). Behind
 * a gateway, the model string is the deployment (`groq/llama-...`) and its first segment the
 * provider. Calls without a model (files, batches, model lists) have only the provider limit.
 */
export function resolveRateLimitKeys(route: ResolvedRoute, options: NormalizedRateLimitOptions): RateLimitKeyLimit[] {
  const limits: RateLimitKeyLimit[] = [];
  const gateway = route.provider.gateway;
  if (route.model !== '') {
    const deployment = gateway ? route.model : `${route.provider.id}/${route.model}`;
    const own = options.perModel.get(deployment);
    addLimit(limits, `model:${deployment}`, { rpm: own?.rpm ?? options.model.rpm, tpm: own?.tpm ?? options.model.tpm });
  }
  const slash = route.model.indexOf('/');
  const provider = gateway && slash > 0 ? route.model.slice(0, slash) : route.provider.id;
  const rule = options.perProvider.get(provider);
  if (rule !== undefined) addLimit(limits, `provider:${provider}`, rule);
  return limits;
}

/** The keys with the call's token estimate on each, capped at the key's tpm so it fits an empty window. */
export function withTokens(limits: readonly RateLimitKeyLimit[], tokens: number): RateLimitKeyRequest[] {
  return limits.map((limit) => ({ ...limit, tokens: limit.tpm === undefined ? tokens : Math.min(tokens, Math.floor(limit.tpm)) }));
}

function addLimit(limits: RateLimitKeyLimit[], key: string, rule: NormalizedRateLimitRule): void {
  const rpm = finite(rule.rpm);
  const tpm = finite(rule.tpm);
  if (rpm !== undefined || tpm !== undefined) limits.push({ key, rpm, tpm });
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}
