import { AuthenticationError } from '../../errors/error-classes.js';
import { isLiterLlmError } from '../../errors/liter-llm-error.js';
import type { Authorizer, AuthorizerInput } from '../dialect.js';
import { identifyTokenFunction } from '../shared/identify-token-function.js';

/** The registry's Azure OpenAI entries (deployment-style and v1 API), which share the resource's key. */
const AZURE_OPENAI_ENTRIES: ReadonlySet<string> = new Set(['azure', 'azure_v1']);

/**
 * Azure OpenAI credentials. An Entra ID token (`providers.azure.accessToken`, a string or a function
 * called for every request, which caches as it likes) goes out as `Authorization: Bearer` and needs
 * no key. Otherwise the registry's `api-key` header carries the key from the usual places
 * (AZURE_API_KEY, apiKeys.azure, ...), with AZURE_OPENAI_API_KEY (the name Microsoft's SDKs read)
 * as a last resort. With none of these, the call fails before sending, naming every option.
 */
export function createAzureAuthorizer(input: AuthorizerInput): Authorizer | undefined {
  const { providerId } = input;
  const token = input.override?.accessToken;
  if (typeof token === 'function') {
    return {
      headers: async () => ({ authorization: `Bearer ${await callTokenFunction(token, providerId)}` }),
      // A function may hand out a fresh token after a 401; a fixed string cannot change.
      invalidate: () => true,
      identity: () => Promise.resolve(['token-function', identifyTokenFunction(token)]),
    };
  }
  if (typeof token === 'string' && token !== '') {
    return { headers: () => Promise.resolve({ authorization: `Bearer ${token}` }), identity: () => Promise.resolve(['token', token]) };
  }
  if (input.apiKey !== undefined && input.apiKey !== '') return undefined;
  const alternative = AZURE_OPENAI_ENTRIES.has(providerId) ? input.env.AZURE_OPENAI_API_KEY : undefined;
  if (alternative !== undefined && alternative !== '') {
    return { headers: () => Promise.resolve({ 'api-key': alternative }), identity: () => Promise.resolve(['api-key', alternative]) };
  }
  return { headers: () => Promise.reject(missingCredentials(providerId)), identity: () => Promise.resolve(['missing']) };
}

async function callTokenFunction(token: () => string | Promise<string>, providerId: string): Promise<string> {
  let value: string;
  try {
    value = await token();
  } catch (error) {
    if (isLiterLlmError(error)) throw error;
    throw new AuthenticationError(`${providerId}: the accessToken function failed: ${error instanceof Error ? error.message : String(error)}`, {
      provider: providerId,
      cause: error,
    });
  }
  if (typeof value !== 'string' || value === '') {
    throw new AuthenticationError(`${providerId}: the accessToken function returned no token`, { provider: providerId });
  }
  return value;
}

function missingCredentials(providerId: string): AuthenticationError {
  const keys =
    AZURE_OPENAI_ENTRIES.has(providerId)
      ? `set AZURE_API_KEY (or AZURE_OPENAI_API_KEY), pass apiKeys.${providerId} or providers.${providerId}.apiKey`
      : `set the API key environment variable of "${providerId}" or pass apiKeys.${providerId}`;
  return new AuthenticationError(
    `${providerId}: no credentials; ${keys}, or give an Entra ID token as providers.${providerId}.accessToken`,
    { provider: providerId },
  );
}
