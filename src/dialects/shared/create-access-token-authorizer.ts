import { AuthenticationError } from '../../errors/error-classes.js';
import { isLiterLlmError } from '../../errors/liter-llm-error.js';
import type { ProviderOverride } from '../../routing/resolved-provider.js';
import type { Authorizer } from '../dialect.js';
import { identifyTokenFunction } from './identify-token-function.js';

/**
 * The authorizer for a token the caller hands over (`providers[id].accessToken`: a string, or a
 * function called for every request, which caches as it likes), sent as `Authorization: Bearer`;
 * undefined when none is given. A function may hand out a fresh token after a 401; a string cannot.
 */
export function createAccessTokenAuthorizer(token: ProviderOverride['accessToken'], providerId: string): Authorizer | undefined {
  if (typeof token === 'function') {
    return {
      headers: async () => ({ authorization: `Bearer ${await callTokenFunction(token, providerId)}` }),
      invalidate: () => true,
      identity: () => Promise.resolve(['token-function', identifyTokenFunction(token)]),
    };
  }
  if (typeof token === 'string' && token !== '') {
    return { headers: () => Promise.resolve({ authorization: `Bearer ${token}` }), identity: () => Promise.resolve(['token', token]) };
  }
  return undefined;
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
