import { AuthenticationError } from '../../errors/error-classes.js';
import type { Authorizer, AuthorizerInput } from '../dialect.js';
import { identifyTokenFunction } from '../shared/identify-token-function.js';
import { exchangeGoogleToken, type GoogleAccessToken } from './exchange-google-token.js';
import { importServiceAccountKey } from './import-service-account-key.js';
import { parseGoogleCredentials, type GoogleCredentials } from './parse-google-credentials.js';
import { readCredentialsFile } from './read-credentials-file.js';

/** The registry's environment variable for a ready-made access token. */
const ACCESS_TOKEN_ENV = 'VERTEXAI_ACCESS_TOKEN';
const CREDENTIALS_ENV = 'GOOGLE_APPLICATION_CREDENTIALS';
/** Tokens are renewed this long before they expire, so none expires in flight. */
const REFRESH_MARGIN_MS = 60_000;
const TOKEN_TIMEOUT_MS = 30_000;

type TokenSource =
  | { readonly kind: 'static'; readonly token: string }
  | { readonly kind: 'callback'; readonly get: () => string | Promise<string> }
  | { readonly kind: 'credentials'; readonly load: () => Promise<GoogleCredentials>; readonly identity: string }
  | { readonly kind: 'missing' };

/**
 * Bearer tokens for Vertex AI, first found wins: `providers.vertex_ai.accessToken` (a string, or
 * a function called per request), `providers.vertex_ai.serviceAccount`, a key given as
 * `providers.vertex_ai.apiKey` or in VERTEXAI_ACCESS_TOKEN, the credentials file (or JSON) in
 * GOOGLE_APPLICATION_CREDENTIALS, then a key from `apiKeys` or the client-wide `apiKey`.
 * Credentials are exchanged for a token on first use, which is cached until a minute before it
 * expires; concurrent calls share one exchange, and `invalidate()` after a 401 forces a new one.
 * Nothing is read or parsed at construction, so a client without Vertex credentials still builds.
 */
export function createVertexAuthorizer(input: AuthorizerInput): Authorizer {
  const provider = input.providerId;
  const source = resolveTokenSource(input);
  const fetchToken = input.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));

  let credentials: Promise<{ credentials: GoogleCredentials; signingKey: CryptoKey | undefined }> | undefined;
  let cached: GoogleAccessToken | undefined;
  let pending: Promise<GoogleAccessToken> | undefined;

  const loadCredentials = (load: () => Promise<GoogleCredentials>) => {
    credentials ??= (async () => {
      const loaded = await load();
      const signingKey = loaded.type === 'service_account' ? await importServiceAccountKey(loaded.privateKey, provider) : undefined;
      return { credentials: loaded, signingKey };
    })();
    // A bad file or key is reported again on the next call rather than remembered forever.
    credentials.catch(() => {
      credentials = undefined;
    });
    return credentials;
  };

  const exchange = async (load: () => Promise<GoogleCredentials>): Promise<GoogleAccessToken> => {
    const { credentials: loaded, signingKey } = await loadCredentials(load);
    const token = await exchangeGoogleToken({ credentials: loaded, signingKey, fetch: fetchToken, provider, timeoutMs: TOKEN_TIMEOUT_MS });
    cached = token;
    return token;
  };

  const quotaProject = async (): Promise<Record<string, string>> => {
    const loaded = credentials === undefined ? undefined : (await credentials).credentials;
    return loaded?.type === 'authorized_user' && loaded.quotaProjectId !== undefined ? { 'x-goog-user-project': loaded.quotaProjectId } : {};
  };

  return {
    async headers() {
      switch (source.kind) {
        case 'static':
          return { authorization: `Bearer ${source.token}` };
        case 'callback': {
          let token: string;
          try {
            token = await source.get();
          } catch (error) {
            // Typed, so the core reports it instead of retrying it as a network failure.
            throw new AuthenticationError(`${provider}: providers.${provider}.accessToken threw: ${error instanceof Error ? error.message : String(error)}`, {
              provider,
              cause: error,
            });
          }
          if (typeof token !== 'string' || token === '') {
            throw new AuthenticationError(`${provider}: providers.${provider}.accessToken returned no token`, { provider });
          }
          return { authorization: `Bearer ${token}` };
        }
        case 'credentials': {
          let token = cached;
          if (token === undefined || Date.now() >= token.expiresAt - REFRESH_MARGIN_MS) {
            pending ??= exchange(source.load).finally(() => {
              pending = undefined;
            });
            token = await pending;
          }
          return { authorization: `Bearer ${token.token}`, ...(await quotaProject()) };
        }
        case 'missing':
          throw new AuthenticationError(
            `${provider}: no Google credentials; set ${CREDENTIALS_ENV} (a service-account key file) or ${ACCESS_TOKEN_ENV}, ` +
              `or pass providers.${provider}.serviceAccount or providers.${provider}.accessToken to createClient`,
            { provider },
          );
        default: {
          const unreachable: never = source;
          throw new AuthenticationError(`${provider}: unknown token source ${String(unreachable)}`, { provider });
        }
      }
    },
    identity() {
      switch (source.kind) {
        case 'static':
          return Promise.resolve(['token', source.token]);
        case 'callback':
          return Promise.resolve(['token-function', identifyTokenFunction(source.get)]);
        case 'credentials':
          return Promise.resolve(['credentials', source.identity]);
        default:
          return Promise.resolve([source.kind]);
      }
    },
    invalidate() {
      // Only exchanged tokens can be renewed; a fixed or caller-supplied token would fail again.
      if (source.kind !== 'credentials') return false;
      cached = undefined;
      return true;
    },
  };
}

function resolveTokenSource(input: AuthorizerInput): TokenSource {
  const { override, env, providerId } = input;
  const accessToken = override?.accessToken;
  if (typeof accessToken === 'function') return { kind: 'callback', get: accessToken };
  if (typeof accessToken === 'string' && accessToken !== '') return { kind: 'static', token: accessToken };
  const serviceAccount = override?.serviceAccount;
  if (serviceAccount !== undefined && serviceAccount !== '') {
    return {
      kind: 'credentials',
      load: async () => parseGoogleCredentials(serviceAccount, `providers.${providerId}.serviceAccount`, providerId),
      identity: typeof serviceAccount === 'string' ? serviceAccount : JSON.stringify(serviceAccount),
    };
  }
  // A key meant for this provider (its own option or its env var) beats the credentials file; a
  // key from `apiKeys` or the client-wide `apiKey` may be meant for other providers, so it comes last.
  const key = input.apiKey;
  if (key !== undefined && (key === override?.apiKey || key === env[ACCESS_TOKEN_ENV])) return { kind: 'static', token: key };
  const file = env[CREDENTIALS_ENV];
  if (file !== undefined && file.trim() !== '') {
    return {
      kind: 'credentials',
      load: async () => {
        const json = file.trim().startsWith('{') ? file : await readCredentialsFile(file, providerId);
        return parseGoogleCredentials(json, `${CREDENTIALS_ENV}${json === file ? '' : ` (${file})`}`, providerId);
      },
      // The key file's path or JSON: the exchanged tokens change, the account behind them does not.
      identity: file,
    };
  }
  if (key !== undefined && key !== '') return { kind: 'static', token: key };
  return { kind: 'missing' };
}
