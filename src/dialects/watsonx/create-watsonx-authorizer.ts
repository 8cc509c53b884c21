import { AuthenticationError } from '../../errors/error-classes.js';
import type { Authorizer, AuthorizerInput } from '../dialect.js';
import { createAccessTokenAuthorizer } from '../shared/create-access-token-authorizer.js';
import { exchangeIbmIamToken, type IbmAccessToken } from './exchange-ibm-iam-token.js';

/** A ready-made bearer token (watsonx on Cloud Pak for Data, or one exchanged elsewhere). */
const TOKEN_ENV = 'WATSONX_TOKEN';
/** Where API keys are exchanged; another IAM endpoint (a private or test one) comes from WATSONX_IAM_URL. */
const IAM_URL_ENV = 'WATSONX_IAM_URL';
const IAM_URL = 'https://iam.cloud.ibm.com/identity/token';
/** Tokens are renewed this long before they expire, so none expires in flight. */
const REFRESH_MARGIN_MS = 60_000;
const TOKEN_TIMEOUT_MS = 30_000;

/**
 * Bearer tokens for watsonx.ai, first found wins: `providers.watsonx.accessToken` (a string, or a
 * function called per request), a token in WATSONX_TOKEN, then an IBM Cloud API key
 * (`providers.watsonx.apiKey`, `apiKeys.watsonx`, WATSONX_API_KEY, the client-wide `apiKey`)
 * exchanged at IBM Cloud IAM on first use. The token is cached until a minute before it expires;
 * concurrent calls share one exchange, and `invalidate()` after a 401 forces a new one.
 */
export function createWatsonxAuthorizer(input: AuthorizerInput): Authorizer {
  const provider = input.providerId;
  const given = createAccessTokenAuthorizer(input.override?.accessToken, provider) ?? createAccessTokenAuthorizer(input.env[TOKEN_ENV], provider);
  if (given !== undefined) return given;
  const apiKey = input.apiKey;
  if (apiKey === undefined || apiKey === '') {
    const missing = new AuthenticationError(
      `${provider}: no credentials; set WATSONX_API_KEY (an IBM Cloud API key) or ${TOKEN_ENV}, or pass apiKeys.${provider}, ` +
        `providers.${provider}.apiKey or providers.${provider}.accessToken to createClient`,
      { provider },
    );
    return { headers: () => Promise.reject(missing), identity: () => Promise.resolve(['missing']) };
  }
  const url = input.env[IAM_URL_ENV] || IAM_URL;
  const fetchToken = input.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  let cached: IbmAccessToken | undefined;
  let pending: Promise<IbmAccessToken> | undefined;
  return {
    async headers() {
      let token = cached;
      if (token === undefined || Date.now() >= token.expiresAt - REFRESH_MARGIN_MS) {
        pending ??= exchangeIbmIamToken({ apiKey, url, fetch: fetchToken, provider, timeoutMs: TOKEN_TIMEOUT_MS })
          .then((exchanged) => {
            cached = exchanged;
            return exchanged;
          })
          .finally(() => {
            pending = undefined;
          });
        token = await pending;
      }
      return { authorization: `Bearer ${token.token}` };
    },
    // The API key, not the tokens exchanged for it: they change, the account behind them does not.
    identity: () => Promise.resolve(['iam-api-key', apiKey]),
    invalidate() {
      cached = undefined;
      return true;
    },
  };
}
