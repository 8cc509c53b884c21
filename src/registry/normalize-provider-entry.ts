import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import type { AuthDefinition, EndpointDefinition, EndpointName, ProviderDefinition, UrlVariableDefinition } from '../provider-definition.js';

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
    urlVariables: sortKeys(
      mapValues(entry.urlVariables ?? {}, (variable): UrlVariableDefinition => {
        // findProviderEntryProblems has checked that exactly one of envVar and derivedFrom is given.
        if (variable.derivedFrom !== undefined) {
          const source = variable.derivedFrom;
          return { derivedFrom: source, values: sortKeys(variable.values ?? {}), default: variable.default ?? `{${source}}` };
        }
        const envVar = variable.envVar ?? '';
        return variable.default === undefined ? { envVar } : { envVar, default: variable.default };
      }),
    ),
    auth: normalizeAuth(entry.auth),
    endpoints: normalizeEndpoints(entry.endpoints),
    modelPrefixes: [...(entry.modelPrefixes ?? [])],
    models: [...new Set([...(entry.models ?? []), ...Object.keys(entry.modelExtras ?? {})])],
    quirks: {
      renameParams: sortKeys(quirks.renameParams ?? {}),
      dropParams: [...(quirks.dropParams ?? [])],
      roleMap: sortKeys((quirks.roleMap ?? {}) as Record<string, string>),
      headers: sortKeys(quirks.headers ?? {}),
      query: sortKeys(quirks.query ?? {}),
      streamUsage: quirks.streamUsage ?? false,
      defaultParams: sortKeys(quirks.defaultParams ?? {}),
      // Set only where declared, so the providers without them keep their emitted modules as they are.
      ...(quirks.requireToolParameters === true ? { requireToolParameters: true } : {}),
      ...(quirks.fileParts !== undefined ? { fileParts: quirks.fileParts } : {}),
    },
  };
}

/** Sorted by name, each a fresh object; an endpoint explicitly set to `undefined` is left out. */
function normalizeEndpoints(endpoints: ProviderEntry['endpoints']): Partial<Record<EndpointName, EndpointDefinition>> {
  const normalized: Partial<Record<EndpointName, EndpointDefinition>> = {};
  for (const name of (Object.keys(endpoints) as EndpointName[]).sort()) {
    const endpoint = endpoints[name];
    if (endpoint !== undefined) normalized[name] = { path: endpoint.path };
  }
  return normalized;
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

/**
 * A copy with keys in sorted order. `Object.fromEntries` defines own properties, so a `__proto__` key
 * survives as data instead of being swallowed by the prototype setter.
 */
function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A copy with every value mapped, so the definition shares no objects with the entry. */
function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
