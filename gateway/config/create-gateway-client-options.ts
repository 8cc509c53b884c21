import type { ClientOptions, ProviderOverride } from '../../src/index.js';
import type { GatewayConfig } from './gateway-config.js';
import { isModelPattern } from './model-name-pattern.js';

/**
 * The `createClient` options a gateway config stands for: its `client` section, plus one router
 * alias per configured model name (entries sharing a name are that alias's deployments, each with
 * its own key and base URL), plus provider overrides from pattern entries that carry a key or
 * base URL (`openai/*` with `apiKey` sets the `openai` provider's key).
 */
export function createGatewayClientOptions(config: GatewayConfig): ClientOptions {
  const client = config.client as ClientOptions;
  const router: Record<string, { deployments: Array<{ model: string; apiKey?: string; baseURL?: string }> }> = {};
  const providers: Record<string, ProviderOverride> = { ...client.providers };
  for (const entry of config.models) {
    if (isModelPattern(entry.name)) {
      const provider = patternProvider(entry.name);
      if (provider !== undefined && (entry.apiKey !== undefined || entry.baseURL !== undefined)) {
        providers[provider] = {
          ...providers[provider],
          ...(entry.apiKey === undefined ? {} : { apiKey: entry.apiKey }),
          ...(entry.baseURL === undefined ? {} : { baseURL: entry.baseURL }),
        };
      }
      continue;
    }
    const deployments = (router[entry.name] ??= { deployments: [] }).deployments;
    deployments.push({
      model: entry.model as string,
      ...(entry.apiKey === undefined ? {} : { apiKey: entry.apiKey }),
      ...(entry.baseURL === undefined ? {} : { baseURL: entry.baseURL }),
    });
  }
  return {
    ...client,
    // Key budgets and the cost metric count every call's cost, whether or not the config asked for cost tracking.
    costTracking: client.costTracking === undefined || client.costTracking === false ? true : client.costTracking,
    providers,
    router: { ...(client.router as Record<string, unknown> | undefined), ...router } as ClientOptions['router'],
  };
}

/** The provider a pattern is limited to (`openai` of `openai/*` or `openai/gpt-4*`), if its first segment is literal. */
export function patternProvider(pattern: string): string | undefined {
  const slash = pattern.indexOf('/');
  if (slash <= 0) return undefined;
  const prefix = pattern.slice(0, slash);
  return prefix.includes('*') ? undefined : prefix;
}
