import { anthropicProvider } from '../../../generated/providers/anthropic.js';
import type { ProviderDefinition } from '../../../src/provider-definition.js';
import { resolveProvider } from '../../../src/routing/resolve-provider.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';

/** A route to the registry's `anthropic` entry (or another definition), for unit tests of the pure functions. */
export function createAnthropicTestRoute(
  options: { model?: string; definition?: ProviderDefinition; headers?: Record<string, string> } = {},
): ResolvedRoute {
  const provider = resolveProvider({
    definition: options.definition ?? anthropicProvider,
    override: { apiKey: 'sk-ant-unit-test', headers: options.headers },
    apiKey: undefined,
    fallbackApiKey: undefined,
    clientHeaders: {},
    env: {},
  });
  return { provider, model: options.model ?? 'claude-sonnet-4-5' };
}

/** Server-sent events with the `event:` line Anthropic sends before each `data:` line. */
export function anthropicSse(events: ReadonlyArray<Record<string, unknown>>): string {
  return events.map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}
