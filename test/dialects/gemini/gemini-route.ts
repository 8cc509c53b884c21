import { geminiProvider } from '../../../generated/providers/gemini.js';
import { vertexAiProvider } from '../../../generated/providers/vertex-ai.js';
import type { ProviderDefinition } from '../../../src/provider-definition.js';
import { resolveProvider } from '../../../src/routing/resolve-provider.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';

/** A route to a registry provider on the Gemini format, for unit tests of the pure functions. */
export function createGeminiRoute(model = 'gemini-2.5-flash', definition: ProviderDefinition = geminiProvider): ResolvedRoute {
  const provider = resolveProvider({
    definition,
    override: undefined,
    apiKey: 'test-key',
    fallbackApiKey: undefined,
    clientHeaders: {},
    env: { VERTEXAI_PROJECT: 'my-project' },
  });
  return { provider, model };
}

export const vertexDefinition: ProviderDefinition = vertexAiProvider;
