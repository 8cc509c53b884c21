import type { ClientOptions } from './client/client-options.js';
import type { CatalogOf, LiterLlmClient } from './client/client-types.js';
import { createRegistryClient } from './client/create-registry-client.js';
import type { ProviderDefinition } from './provider-definition.js';

export * from './public-api.js';

/**
 * A client over the providers you pass, for apps that use a few providers and should not load the
 * whole registry (bundle size, start-up time). Types follow the definitions passed.
 *
 * @example
 * import { createProviderClient } from 'liter-llm/core';
 * import { groqProvider } from 'liter-llm/providers/groq';
 * const client = createProviderClient([groqProvider]);
 * await client.provider('groq').chat({ model: 'llama-3.3-70b-versatile', messages });
 */
export function createProviderClient<const Definitions extends readonly ProviderDefinition[]>(
  definitions: Definitions,
  options: ClientOptions = {},
): LiterLlmClient<CatalogOf<Definitions>> {
  return createRegistryClient<CatalogOf<Definitions>>(definitions, options);
}
