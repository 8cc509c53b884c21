import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * `anthropic-beta` for the features a request uses, kept together with any the provider is
 * configured with (a header replaces, so the configured ones must be repeated). Undefined when no
 * feature needs one.
 */
export function createAnthropicBetaHeader(route: ResolvedRoute, betas: Iterable<string>): Record<string, string> | undefined {
  const needed = [...betas];
  if (needed.length === 0) return undefined;
  const configured = route.provider.buildHeaders({})['anthropic-beta'] ?? '';
  const all = new Set([...configured.split(',').map((beta) => beta.trim()).filter((beta) => beta !== ''), ...needed]);
  return { 'anthropic-beta': [...all].join(',') };
}
