import { AuthenticationError, ServiceUnavailableError } from '../../errors/error-classes.js';
import { postTokenForm } from '../shared/post-token-form.js';
import { createServiceAccountAssertion } from './create-service-account-assertion.js';
import type { GoogleCredentials } from './parse-google-credentials.js';

export interface GoogleAccessToken {
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export interface ExchangeGoogleTokenInput {
  readonly credentials: GoogleCredentials;
  /** The service account's key, imported once by the caller. */
  readonly signingKey: CryptoKey | undefined;
  readonly fetch: typeof fetch;
  readonly provider: string;
  readonly timeoutMs: number;
}

/**
 * An OAuth access token for the credentials, from their `token_uri`: a service account sends a
 * signed JWT (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`), user credentials their
 * refresh token. A refusal is an AuthenticationError quoting Google's `error` and
 * `error_description`, never the assertion or the secrets.
 */
export async function exchangeGoogleToken(input: ExchangeGoogleTokenInput): Promise<GoogleAccessToken> {
  const { credentials, provider } = input;
  const form = new URLSearchParams();
  if (credentials.type === 'service_account') {
    if (input.signingKey === undefined) throw new AuthenticationError(`${provider}: no signing key for the service account`, { provider });
    form.set('grant_type', 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    form.set(
      'assertion',
      await createServiceAccountAssertion({
        clientEmail: credentials.clientEmail,
        privateKeyId: credentials.privateKeyId,
        tokenUri: credentials.tokenUri,
        signingKey: input.signingKey,
        now: Math.floor(Date.now() / 1000),
      }),
    );
  } else {
    form.set('grant_type', 'refresh_token');
    form.set('client_id', credentials.clientId);
    form.set('client_secret', credentials.clientSecret);
    form.set('refresh_token', credentials.refreshToken);
  }

  const requestedAt = Date.now();
  const response = await postTokenForm({
    url: credentials.tokenUri,
    form,
    fetch: input.fetch,
    provider,
    timeoutMs: input.timeoutMs,
    what: 'the token endpoint',
  });
  const { body } = response;
  if (!response.ok) {
    const reason = [body.error, body.error_description].filter((part) => typeof part === 'string').join(': ');
    const message = `${provider}: the token endpoint refused the ${credentials.type === 'service_account' ? 'service account' : 'user credentials'} (HTTP ${response.status}${reason === '' ? '' : `: ${reason}`})`;
    const options = { provider, status: response.status, body: { error: body.error, error_description: body.error_description } };
    throw response.status >= 500 ? new ServiceUnavailableError(message, options) : new AuthenticationError(message, options);
  }
  const token = body.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new AuthenticationError(`${provider}: the token endpoint answered without an access_token`, { provider, status: response.status });
  }
  const lifetimeSeconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
  return { token, expiresAt: requestedAt + (Number.isFinite(lifetimeSeconds) ? lifetimeSeconds : 3600) * 1000 };
}
