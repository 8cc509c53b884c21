import { AuthenticationError, ServiceUnavailableError } from '../../errors/error-classes.js';
import { postTokenForm } from '../shared/post-token-form.js';

export interface IbmAccessToken {
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export interface ExchangeIbmIamTokenInput {
  readonly apiKey: string;
  /** IBM Cloud IAM's token endpoint (`https://iam.cloud.ibm.com/identity/token`). */
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly provider: string;
  readonly timeoutMs: number;
}

/**
 * An IBM Cloud IAM access token for an API key (`grant_type=urn:ibm:params:oauth:grant-type:apikey`).
 * A refusal is an AuthenticationError quoting IAM's `errorCode` and `errorMessage`, never the key.
 */
export async function exchangeIbmIamToken(input: ExchangeIbmIamTokenInput): Promise<IbmAccessToken> {
  const { provider } = input;
  const form = new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: input.apiKey });
  const requestedAt = Date.now();
  const response = await postTokenForm({ url: input.url, form, fetch: input.fetch, provider, timeoutMs: input.timeoutMs, what: 'IBM Cloud IAM at' });
  const { body } = response;
  if (!response.ok) {
    const reason = [body.errorCode, body.errorMessage].filter((part) => typeof part === 'string').join(': ');
    const message = `${provider}: IBM Cloud IAM refused the API key (HTTP ${response.status}${reason === '' ? '' : `: ${reason}`})`;
    const options = { provider, status: response.status, body: { errorCode: body.errorCode, errorMessage: body.errorMessage } };
    throw response.status >= 500 ? new ServiceUnavailableError(message, options) : new AuthenticationError(message, options);
  }
  const token = body.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new AuthenticationError(`${provider}: IBM Cloud IAM answered without an access_token`, { provider, status: response.status });
  }
  // IAM gives both `expiration` (epoch seconds) and `expires_in` (seconds, usually 3600).
  if (typeof body.expiration === 'number') return { token, expiresAt: body.expiration * 1000 };
  const lifetimeSeconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return { token, expiresAt: requestedAt + lifetimeSeconds * 1000 };
}
