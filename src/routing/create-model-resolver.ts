import { ConfigurationError } from '../errors/error-classes.js';
import type { ResolvedProvider } from './resolved-provider.js';
import { createPrefixMatcher } from './create-prefix-matcher.js';
import { findCloseMatches } from './find-close-matches.js';
import { parseModelString } from './parse-model-string.js';
import type { ResolvedRoute } from './resolved-route.js';

export interface ModelResolver {
  /** Where a `provider/model` (or bare model) string goes. Pure lookup, no I/O. */
  route(model: unknown): ResolvedRoute;
  /** The resolved provider with this id; the error lists close matches. */
  provider(id: string): ResolvedProvider;
}

export interface ModelResolverInput {
  readonly providers: ReadonlyMap<string, ResolvedProvider>;
  /** Every call goes here with the model string unchanged (client-level `baseURL`). */
  readonly gateway: ResolvedProvider | undefined;
  /** Provider for bare model names that no registry prefix claims. */
  readonly modelHint: string | undefined;
}

export function createModelResolver(input: ModelResolverInput): ModelResolver {
  const { providers, gateway } = input;
  const claim = createPrefixMatcher(
    [...providers.values()].flatMap((provider) => provider.definition.modelPrefixes.map((prefix) => [prefix, provider] as const)),
  );
  const hinted = input.modelHint === undefined ? undefined : lookup(input.modelHint);

  function lookup(id: string): ResolvedProvider {
    const provider = providers.get(id);
    if (provider !== undefined) return provider;
    const matches = findCloseMatches(id, providers.keys());
    const suggestion = matches.length > 0 ? `; did you mean ${matches.map((match) => `"${match}"`).join(', ')}?` : '';
    throw new ConfigurationError(`unknown provider "${id}"${suggestion}`, { provider: id });
  }

  return {
    provider: lookup,
    route(model) {
      if (typeof model !== 'string' || model.trim() === '') {
        throw new ConfigurationError('request.model must be a non-empty string such as "openai/gpt-4o"');
      }
      if (gateway !== undefined) return { provider: gateway, model };
      const parsed = parseModelString(model);
      if (parsed.prefix !== undefined) {
        const provider = providers.get(parsed.prefix);
        if (provider !== undefined) return { provider, model: parsed.model };
      }
      const claimed = claim(model);
      if (claimed !== undefined) return { provider: claimed, model };
      if (hinted !== undefined) return { provider: hinted, model };
      // Throws "unknown provider", with close matches.
      if (parsed.prefix !== undefined) lookup(parsed.prefix);
      throw new ConfigurationError(
        `cannot tell which provider serves "${model}": write it as "provider/model" (e.g. "openai/${model}") or set modelHint`,
        { model },
      );
    },
  };
}
