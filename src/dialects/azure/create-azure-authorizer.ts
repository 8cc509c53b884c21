import { AuthenticationError } from '../../errors/error-classes.js';
import type { Authorizer, AuthorizerInput } from '../dialect.js';
import { createAccessTokenAuthorizer } from '../shared/create-access-token-authorizer.js';

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
  const fromToken = createAccessTokenAuthorizer(input.override?.accessToken, providerId);
  if (fromToken !== undefined) return fromToken;
  if (input.apiKey !== undefined && input.apiKey !== '') return undefined;
  const alternative = AZURE_OPENAI_ENTRIES.has(providerId) ? input.env.AZURE_OPENAI_API_KEY : undefined;
  if (alternative !== undefined && alternative !== '') {
    return { headers: () => Promise.resolve({ 'api-key': alternative }), identity: () => Promise.resolve(['api-key', alternative]) };
  }
  return { headers: () => Promise.reject(missingCredentials(providerId)), identity: () => Promise.resolve(['missing']) };
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
