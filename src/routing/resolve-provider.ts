import { createRandomId } from '../transport/create-random-id.js';
import { AuthenticationError, ConfigurationError } from '../errors/error-classes.js';
import type { AuthorizerInput, Authorizer } from '../dialects/dialect.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { computeSha256Hex } from './compute-sha256-hex.js';
import type { CacheScope, ProviderOverride, ResolvedProvider } from './resolved-provider.js';
import { parseBaseUrl } from './parse-base-url.js';

export interface ResolveProviderInput {
  readonly definition: ProviderDefinition;
  readonly override: ProviderOverride | undefined;
  /** Key from `apiKeys[id]`. */
  readonly apiKey: string | undefined;
  /** The client-wide `apiKey`, used when neither the options nor the environment name a key. */
  readonly fallbackApiKey: string | undefined;
  readonly clientHeaders: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly gateway?: boolean;
  /** The dialect's factory for per-request credentials, when it has one. */
  readonly createAuthorizer?: ((input: AuthorizerInput) => Authorizer | undefined) | undefined;
  readonly fetch?: typeof fetch | undefined;
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;
/** Without it Anthropic answers a browser's CORS preflight with a refusal. */
const BROWSER_ACCESS_HEADER = 'anthropic-dangerous-direct-browser-access';

/**
 * Applies the client's options to one registry provider: key precedence is
 * `providers[id].apiKey`, then `apiKeys[id]`, then the provider's environment variable, then the
 * client-wide `apiKey`.
 */
export function resolveProvider(input: ResolveProviderInput): ResolvedProvider {
  const { definition, override, env } = input;
  const auth = definition.auth;
  const ownKey =
    nonEmpty(override?.apiKey) ?? nonEmpty(input.apiKey) ?? (auth.scheme === 'none' ? undefined : nonEmpty(env[auth.envVar]));
  const key = ownKey ?? nonEmpty(input.fallbackApiKey);

  let unavailable: (() => ConfigurationError | AuthenticationError) | undefined;
  const missingVariables: string[] = [];
  // A variable's text in the URL: given values are encoded; a derived one is the registry's text
  // with its source variable's encoded value in it.
  const fillVariable = (name: string): string | undefined => {
    const variable = definition.urlVariables[name];
    const given = nonEmpty(override?.urlVariables?.[name]);
    if (given !== undefined) return encodeURIComponent(given);
    if (variable !== undefined && 'derivedFrom' in variable) {
      const { derivedFrom } = variable;
      const source = definition.urlVariables[derivedFrom];
      const value = source !== undefined && 'envVar' in source ? resolveVariable(derivedFrom, source) : undefined;
      if (value === undefined) {
        missingVariables.push(describeMissing(derivedFrom));
        return undefined;
      }
      return variable.values[value] ?? variable.default.replaceAll(`{${derivedFrom}}`, encodeURIComponent(value));
    }
    const value = variable === undefined ? undefined : resolveVariable(name, variable);
    if (value === undefined) missingVariables.push(describeMissing(name));
    return value === undefined ? undefined : encodeURIComponent(value);
  };
  const describeMissing = (name: string): string => {
    const variable = definition.urlVariables[name];
    return variable !== undefined && 'envVar' in variable
      ? `{${name}} (set ${variable.envVar} or providers.${definition.id}.urlVariables.${name})`
      : `{${name}}`;
  };
  const resolveVariable = (name: string, variable: { readonly envVar: string; readonly default?: string }): string | undefined =>
    nonEmpty(override?.urlVariables?.[name]) ?? nonEmpty(env[variable.envVar]) ?? variable.default;
  // A variable's raw value, for a dialect that sends it outside the URL (watsonx's project id).
  const lookUpVariable = (name: string): string | undefined => {
    const variable = definition.urlVariables[name];
    return variable !== undefined && 'envVar' in variable ? resolveVariable(name, variable) : nonEmpty(override?.urlVariables?.[name]);
  };
  const fillVariables = (template: string): string =>
    template.replace(PLACEHOLDER, (whole, name: string) => (name === 'model' ? whole : (fillVariable(name) ?? whole)));

  const filledBaseURL = fillVariables(override?.baseURL ?? definition.baseURL);
  // With a variable missing the call fails anyway, saying which; otherwise the URL must be usable.
  const baseURL =
    missingVariables.length > 0
      ? filledBaseURL.replace(/\/+$/, '')
      : parseBaseUrl(filledBaseURL, override?.baseURL === undefined ? `${definition.id}: baseURL` : `providers.${definition.id}.baseURL`, definition.id);
  // Filling every path once collects every missing variable now, so the error can list them all.
  for (const endpoint of Object.values(definition.endpoints)) fillVariables(endpoint?.path ?? '');
  // A variable no URL template uses is one the dialect sends elsewhere (watsonx's project id in the
  // body: DIALECT_URL_VARIABLES), checked the same way.
  const templates = [definition.baseURL, ...Object.values(definition.endpoints).map((endpoint) => endpoint?.path)].join(' ');
  for (const name of Object.keys(definition.urlVariables)) if (!templates.includes(`{${name}}`)) fillVariables(`{${name}}`);
  if (missingVariables.length > 0) {
    const list = [...new Set(missingVariables)].join(', ');
    unavailable = () => new ConfigurationError(`${definition.id}: URL needs ${list}`, { provider: definition.id });
  }
  const authorizer = input.createAuthorizer?.({
    providerId: definition.id,
    override,
    apiKey: key,
    env,
    fetch: input.fetch,
  });
  // An authorizer owns the credentials (and reports what is missing) when it exists.
  if (unavailable === undefined && authorizer === undefined && key === undefined && auth.scheme !== 'none' && !auth.optional && !input.gateway) {
    unavailable = () =>
      new AuthenticationError(
        `${definition.id}: no API key; set ${auth.envVar}, or pass apiKeys.${definition.id} to createClient`,
        { provider: definition.id },
      );
  }

  const authHeaders: Record<string, string> = {};
  const authQuery: Record<string, string> = {};
  if (key !== undefined) {
    if (auth.scheme === 'bearer') authHeaders.authorization = `Bearer ${key}`;
    else if (auth.scheme === 'header') authHeaders[auth.header.toLowerCase()] = `${auth.prefix}${key}`;
    else if (auth.scheme === 'query') authQuery[auth.param] = key;
  }
  const baseHeaders = lowerCaseKeys({
    ...definition.quirks.headers,
    ...input.clientHeaders,
    ...override?.headers,
    ...(allowsBrowser(definition, override) ? { [BROWSER_ACCESS_HEADER]: 'true' } : {}),
  });
  const providerHeaders = { ...authHeaders, ...baseHeaders };
  const filledPaths = new Map<string, string>();
  const query = { ...definition.quirks.query, ...authQuery };
  const queryString = new URLSearchParams(query).toString();
  const gateway = input.gateway ?? false;
  const digests = new Map<CacheScope, Promise<string>>();
  const computeDigest = async (scope: CacheScope): Promise<string> => {
    const endpoint = [definition.id, gateway, baseURL];
    if (scope === 'shared') return computeSha256Hex(JSON.stringify(endpoint));
    // An authorizer that cannot name its credentials is a tenant of its own, in this process only.
    const identity = authorizer === undefined ? null : authorizer.identity === undefined ? createRandomId() : await authorizer.identity();
    const headers = Object.entries(providerHeaders).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return computeSha256Hex(JSON.stringify([...endpoint, headers, queryString, identity]));
  };

  return {
    id: definition.id,
    definition,
    gateway,
    configured: ownKey !== undefined || override !== undefined,
    quirks: definition.quirks,
    authorizer,
    unavailable,
    buildUrl(path, model) {
      // Paths are a handful of templates per provider: fill their variables once, not per call.
      let filledPath = filledPaths.get(path);
      if (filledPath === undefined) {
        filledPath = fillVariables(path);
        filledPaths.set(path, filledPath);
      }
      const url = `${baseURL}${filledPath.includes('{model}') ? filledPath.replace('{model}', encodeURIComponent(model)) : filledPath}`;
      if (queryString === '') return url;
      return `${url}${url.includes('?') ? '&' : '?'}${queryString}`;
    },
    urlVariable: lookUpVariable,
    buildHeaders(callHeaders) {
      return hasKeys(callHeaders) ? { ...providerHeaders, ...lowerCaseKeys(callHeaders) } : { ...providerHeaders };
    },
    scopeDigest(scope) {
      let digest = digests.get(scope);
      if (digest === undefined) {
        digest = computeDigest(scope);
        digests.set(scope, digest);
        // A dialect that failed to load is asked again next time rather than remembered.
        digest.catch(() => digests.delete(scope));
      }
      return digest;
    },
  };
}

/** `providers[id].dangerouslyAllowBrowser`: a boolean, and only on a provider that speaks Anthropic's API. */
function allowsBrowser(definition: ProviderDefinition, override: ProviderOverride | undefined): boolean {
  const value = override?.dangerouslyAllowBrowser;
  if (value === undefined || value === false) return false;
  const field = `providers.${definition.id}.dangerouslyAllowBrowser`;
  if (value !== true) throw new ConfigurationError(`${field} must be true or false, got ${JSON.stringify(value)}`, { provider: definition.id });
  if (definition.dialect !== 'anthropic') {
    throw new ConfigurationError(
      `${field} applies only to providers that speak Anthropic's API (dialect "anthropic"); "${definition.id}" speaks "${definition.dialect}"`,
      { provider: definition.id },
    );
  }
  return true;
}

function hasKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}
