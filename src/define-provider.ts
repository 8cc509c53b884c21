import type { ProviderDefinition } from './provider-definition.js';
import { parseProviderEntry } from './registry/parse-custom-provider.js';

/**
 * A provider definition from a registry-shaped JSON entry, checked exactly like `customProviders`
 * (the registry's JSON Schema and cross-field checks). It is the `liter-llm/core` way to add a
 * provider without regenerating: the checker ships in this entry, so apps that never add one
 * do not bundle it.
 *
 * @example
 * import { createProviderClient } from 'liter-llm/core';
 * import { defineProvider } from 'liter-llm/define-provider';
 * const acme = defineProvider({ id: 'acme', name: 'Acme', kind: 'hosted', docs: 'https://acme.test/docs',
 *   baseURL: 'https://api.acme.test/v1', auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' },
 *   endpoints: { chat: { path: '/chat/completions' } }, modelPrefixes: [], models: [] });
 * const client = createProviderClient([acme]);
 */
export function defineProvider(entry: unknown): ProviderDefinition {
  const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  return parseProviderEntry(entry, typeof id === 'string' ? `defineProvider("${id}")` : 'defineProvider(entry)');
}
