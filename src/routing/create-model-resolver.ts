import { ConfigurationError } from '../errors/error-classes.js';
import type { ProviderDefinition } from '../provider-definition.js';
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
  readonly definitions: ReadonlyMap<string, ProviderDefinition>;
  /**
   * The provider with this id (a known one), resolved on its first use: resolving reads its
   * environment variables, and a client must not read those of providers it never calls.
   */
  readonly resolve: (id: string) => ResolvedProvider;
  /** Every call goes here with the model string unchanged (client-level `baseURL`). */
  readonly gateway: ResolvedProvider | undefined;
  /** Provider for bare model names that no registry prefix claims. */
  readonly modelHint: string | undefined;
}

export function createModelResolver(input: ModelResolverInput): ModelResolver {
  const { definitions, gateway, resolve } = input;
  const claim = createPrefixMatcher(
    [...definitions.values()].flatMap((definition) => definition.modelPrefixes.map((prefix) => [prefix, definition.id] as const)),
  );
  const hinted = input.modelHint;
  // An unknown hint fails now, at construction; a known one is resolved when a call needs it.
  if (hinted !== undefined && !definitions.has(hinted)) lookup(hinted);

  function lookup(id: string): ResolvedProvider {
    if (definitions.has(id)) return resolve(id);
    const matches = findCloseMatches(id, definitions.keys());
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
        if (definitions.has(parsed.prefix)) return { provider: resolve(parsed.prefix), model: parsed.model };
      }
      const claimed = claim(model);
      if (claimed !== undefined) return { provider: resolve(claimed), model };
      if (hinted !== undefined) return { provider: resolve(hinted), model };
      // Throws "unknown provider", with close matches.
      if (parsed.prefix !== undefined) lookup(parsed.prefix);
      throw new ConfigurationError(
        `cannot tell which provider serves "${model}": write it as "provider/model" (e.g. "openai/${model}") or set modelHint`,
        { model },
      );
    },
  };
}
