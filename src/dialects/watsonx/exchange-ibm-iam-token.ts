import { AuthenticationError, NetworkError, ServiceUnavailableError } from '../../errors/error-classes.js';

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
  let response: Response;
  try {
    response = await input.fetch(input.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(input.timeoutMs),
    });
  } catch (error) {
    throw new NetworkError(`${provider}: could not reach IBM Cloud IAM at ${input.url}: ${error instanceof Error ? error.message : String(error)}`, {
      provider,
    });
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // A non-JSON answer is reported by status below.
  }
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
