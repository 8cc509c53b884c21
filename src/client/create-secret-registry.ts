import type { NormalizedClientOptions } from './normalize-client-options.js';
import type { ProviderDefinition } from '../provider-definition.js';
import type { ProviderOverride } from '../routing/resolved-provider.js';

/**
 * Every credential value a client knows of, scrubbed from errors before they leave it. `values`
 * is one array shared by reference, so credentials learnt later (an OAuth token an authorizer
 * fetched, a deployment's key) are scrubbed from then on too.
 */
export interface SecretRegistry {
  readonly values: string[];
  add(value: unknown): void;
  addOverride(override: ProviderOverride | undefined): void;
  /** Registers the credential-bearing headers of a request (values after a scheme word). */
  addHeaders(headers: Readonly<Record<string, string>>): void;
}

/** Environment variables that hold secrets but are not a registry `auth.envVar`. */
const EXTRA_SECRET_ENV_VARS = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_OPENAI_API_KEY', 'VERTEXAI_ACCESS_TOKEN'];
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'x-amz-security-token']);

export function createSecretRegistry(
  options: NormalizedClientOptions,
  definitions: Iterable<ProviderDefinition>,
  env: Readonly<Record<string, string | undefined>>,
): SecretRegistry {
  const values: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value !== '' && !values.includes(value)) values.push(value);
  };
  const addOverride = (override: ProviderOverride | undefined): void => {
    if (override === undefined) return;
    add(override.apiKey);
    if (typeof override.accessToken === 'string') add(override.accessToken);
    const account = override.serviceAccount;
    if (typeof account === 'string') {
      add(account);
      add(readPrivateKey(account));
    } else if (account !== undefined) {
      add(account.private_key);
    }
    add(override.aws?.secretAccessKey);
    add(override.aws?.sessionToken);
  };
  const registry: SecretRegistry = {
    values,
    add,
    addOverride,
    addHeaders(headers) {
      for (const [name, value] of Object.entries(headers)) {
        if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
        // "Bearer <token>" and the like: the token is the secret; a bare value is the secret itself.
        const space = value.indexOf(' ');
        add(space === -1 ? value : value.slice(space + 1));
      }
    },
  };
  add(options.apiKey);
  for (const key of Object.values(options.apiKeys)) add(key);
  for (const override of Object.values(options.providers)) addOverride(override);
  for (const definition of definitions) {
    if (definition.auth.scheme !== 'none') add(env[definition.auth.envVar]);
  }
  for (const name of EXTRA_SECRET_ENV_VARS) add(env[name]);
  return registry;
}

function readPrivateKey(json: string): string | undefined {
  try {
    const parsed = JSON.parse(json) as { private_key?: unknown };
    return typeof parsed.private_key === 'string' ? parsed.private_key : undefined;
  } catch {
    return undefined;
  }
}
