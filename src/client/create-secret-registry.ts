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
  /**
   * The secrets to scrub from one call's errors: every registered one plus the credentials in its
   * per-call `headers`, which are not registered, so a server passing each user's token per call
   * does not grow the registry for ever.
   */
  forCall(callHeaders: Readonly<Record<string, string>>): readonly string[];
  /**
   * An environment variable was read: registers its value when the variable holds a secret (a
   * provider's `auth.envVar` or an AWS, Azure or Vertex credential), never a region or a project id.
   */
  addEnvironmentValue(name: string, value: string): void;
}

/** Environment variables that hold secrets but are not a registry `auth.envVar`. */
const EXTRA_SECRET_ENV_VARS = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_OPENAI_API_KEY', 'VERTEXAI_ACCESS_TOKEN'];
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);
/** `x-api-key`, `api-key`, `x-goog-api-key`, `x-amz-security-token`, `x-my-secret`, `x-auth-user`, … */
const CREDENTIAL_HEADER_WORDS = /key|token|secret|auth/i;
/** PEM lines shorter than this are armour or padding, not key material. */
const MIN_PEM_LINE = 16;

/** Whether a header (any case) carries a credential, and so its value is a secret. */
function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase()) || CREDENTIAL_HEADER_WORDS.test(name);
}

/** The secret values of credential-bearing headers: the whole value, and the part after a scheme word. */
function headerSecrets(headers: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' || !isCredentialHeader(name)) continue;
    found.push(value);
    // "Bearer <token>" and the like: the token alone is echoed too.
    const space = value.indexOf(' ');
    if (space !== -1) found.push(value.slice(space + 1).trim());
  }
  return found;
}

export function createSecretRegistry(
  options: NormalizedClientOptions,
  definitions: Iterable<ProviderDefinition>,
): SecretRegistry {
  const secretEnvNames = new Set(EXTRA_SECRET_ENV_VARS);
  for (const definition of definitions) if (definition.auth.scheme !== 'none') secretEnvNames.add(definition.auth.envVar);
  const values: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value !== 'string' || value === '' || values.includes(value)) return;
    values.push(value);
    // A private key (PEM) is echoed a line at a time far more often than whole.
    if (value.includes('\n')) {
      for (const line of value.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed.length >= MIN_PEM_LINE && !trimmed.startsWith('-----')) add(trimmed);
      }
    }
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
    if (override.headers !== undefined) for (const value of headerSecrets(override.headers)) add(value);
  };
  const registry: SecretRegistry = {
    values,
    add,
    addOverride,
    addHeaders(headers) {
      for (const value of headerSecrets(headers)) add(value);
    },
    forCall(callHeaders) {
      const extra = headerSecrets(callHeaders);
      return extra.length === 0 ? values : [...values, ...extra];
    },
    addEnvironmentValue(name, value) {
      if (secretEnvNames.has(name)) add(value);
    },
  };
  add(options.apiKey);
  registry.addHeaders(options.headers);
  for (const key of Object.values(options.apiKeys)) add(key);
  for (const override of Object.values(options.providers)) addOverride(override);
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
