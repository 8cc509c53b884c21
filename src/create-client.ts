import { providerRegistry, type ProviderCatalog } from '../generated/registry.js';
import type { ClientOptions } from './client/client-options.js';
import type { LiterLlmClient } from './client/client-types.js';
import { createRegistryClient } from './client/create-registry-client.js';
import type { ProviderDefinition } from './provider-definition.js';
import { parseCustomProvider } from './registry/parse-custom-provider.js';

const ALL_PROVIDERS: readonly ProviderDefinition[] = Object.values(providerRegistry);

/**
 * A client for every provider in the registry, routed by `provider/model` strings.
 *
 * @example
 * const client = createClient();
 * const reply = await client.chat({ model: 'groq/llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createClient(options: ClientOptions = {}): LiterLlmClient<ProviderCatalog> {
  return createRegistryClient<ProviderCatalog>(ALL_PROVIDERS, options, parseCustomProvider);
}
