import { ConfigurationError } from '../../errors/error-classes.js';

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/** A service-account key, or the user credentials `gcloud auth application-default login` writes. */
export type GoogleCredentials =
  | {
      readonly type: 'service_account';
      readonly clientEmail: string;
      readonly privateKey: string;
      readonly privateKeyId: string | undefined;
      readonly tokenUri: string;
      readonly projectId: string | undefined;
    }
  | {
      readonly type: 'authorized_user';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly refreshToken: string;
      readonly tokenUri: string;
      readonly quotaProjectId: string | undefined;
    };

/**
 * A Google credentials JSON (text or parsed) as typed credentials. `source` names where it came
 * from (an option or the environment variable) in errors; no error quotes the key material.
 */
export function parseGoogleCredentials(value: unknown, source: string, provider: string): GoogleCredentials {
  let record: unknown = value;
  if (typeof value === 'string') {
    try {
      record = JSON.parse(value);
    } catch {
      // The parser's message quotes the text, which holds a private key: say only where it failed.
      throw new ConfigurationError(`${provider}: ${source} is not valid JSON`, { provider });
    }
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new ConfigurationError(`${provider}: ${source} must be a Google credentials JSON object`, { provider });
  }
  const fields = record as Record<string, unknown>;
  const text = (name: string): string => {
    const field = fields[name];
    if (typeof field !== 'string' || field === '') {
      throw new ConfigurationError(`${provider}: ${source} has no "${name}"`, { provider });
    }
    return field;
  };
  const optional = (name: string): string | undefined => (typeof fields[name] === 'string' && fields[name] !== '' ? (fields[name] as string) : undefined);
  const tokenUri = optional('token_uri') ?? GOOGLE_TOKEN_URI;

  if (fields.type === 'service_account' || (fields.type === undefined && fields.private_key !== undefined)) {
    return {
      type: 'service_account',
      clientEmail: text('client_email'),
      privateKey: text('private_key'),
      privateKeyId: optional('private_key_id'),
      tokenUri,
      projectId: optional('project_id'),
    };
  }
  if (fields.type === 'authorized_user') {
    return {
      type: 'authorized_user',
      clientId: text('client_id'),
      clientSecret: text('client_secret'),
      refreshToken: text('refresh_token'),
      tokenUri,
      quotaProjectId: optional('quota_project_id'),
    };
  }
  throw new ConfigurationError(
    `${provider}: ${source} has credentials of type "${String(fields.type)}"; liter-llm reads service_account and authorized_user credentials (else pass providers.${provider}.accessToken)`,
    { provider },
  );
}
