import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import type { AuthDefinition, EndpointDefinition, EndpointName, ProviderDefinition } from '../provider-definition.js';

/**
 * Fills every default of a validated registry entry. The generator calls it to build its IR, and
 * the client calls it for `customProviders`, so both paths agree on what an omitted field means.
 */
export function normalizeProviderEntry(entry: ProviderEntry): ProviderDefinition {
  const quirks = entry.quirks ?? {};
  return {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    dialect: entry.dialect ?? 'openai',
    baseURL: entry.baseURL,
    urlVariables: sortKeys(entry.urlVariables ?? {}),
    auth: normalizeAuth(entry.auth),
    endpoints: sortKeys(entry.endpoints as Partial<Record<EndpointName, EndpointDefinition>>),
    modelPrefixes: [...(entry.modelPrefixes ?? [])],
    models: [...(entry.models ?? [])],
    quirks: {
      renameParams: sortKeys(quirks.renameParams ?? {}),
      dropParams: [...(quirks.dropParams ?? [])],
      roleMap: sortKeys((quirks.roleMap ?? {}) as Record<string, string>),
      headers: sortKeys(quirks.headers ?? {}),
      query: sortKeys(quirks.query ?? {}),
      streamUsage: quirks.streamUsage ?? false,
      defaultParams: sortKeys(quirks.defaultParams ?? {}),
    },
  };
}

function normalizeAuth(auth: ProviderEntry['auth']): AuthDefinition {
  switch (auth.scheme) {
    case 'none':
      return { scheme: 'none' };
    case 'bearer':
      return { scheme: 'bearer', envVar: auth.envVar, optional: auth.optional ?? false };
    case 'header':
      return {
        scheme: 'header',
        header: auth.header,
        prefix: auth.prefix ?? '',
        envVar: auth.envVar,
        optional: auth.optional ?? false,
      };
    case 'query':
      return { scheme: 'query', param: auth.param, envVar: auth.envVar, optional: auth.optional ?? false };
    default: {
      const unreachable: never = auth;
      throw new Error(`unknown auth scheme in ${JSON.stringify(unreachable)}`);
    }
  }
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as T;
  return sorted;
}
