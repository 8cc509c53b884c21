import { ConfigurationError } from '../../errors/error-classes.js';
import type { AuthorizerInput } from '../dialect.js';
import type { AwsCredentials } from './sign-aws-request.js';

/** The environment variable of Bedrock API keys (bearer tokens), as the registry names it. */
export const BEARER_TOKEN_ENV = 'AWS_BEARER_TOKEN_BEDROCK';

export type BedrockCredentials =
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'sigv4'; readonly credentials: AwsCredentials };

/**
 * Which credentials a Bedrock call uses, most explicit first:
 * 1. `providers.<id>.apiKey` (a Bedrock API key, sent as a bearer token);
 * 2. `providers.<id>.aws` access keys (SigV4);
 * 3. `AWS_BEARER_TOKEN_BEDROCK` (or `apiKeys.<id>` when that variable is set too);
 * 4. `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`) (SigV4);
 * 5. `apiKeys.<id>` or the client-wide `apiKey` (bearer).
 * The client-wide key comes last so that a key meant for another provider does not shadow AWS
 * credentials in the environment. Undefined when there are none.
 */
export function resolveBedrockCredentials(input: AuthorizerInput): BedrockCredentials | undefined {
  const { override, env } = input;
  const overrideKey = nonEmpty(override?.apiKey);
  if (overrideKey !== undefined) return { kind: 'bearer', token: overrideKey };

  const aws = override?.aws;
  const accessKeyId = nonEmpty(aws?.accessKeyId);
  const secretAccessKey = nonEmpty(aws?.secretAccessKey);
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    return { kind: 'sigv4', credentials: { accessKeyId, secretAccessKey, sessionToken: nonEmpty(aws?.sessionToken) } };
  }
  if (accessKeyId !== undefined || secretAccessKey !== undefined) {
    throw new ConfigurationError(
      `${input.providerId}: providers.${input.providerId}.aws needs both accessKeyId and secretAccessKey`,
      { provider: input.providerId },
    );
  }

  const key = nonEmpty(input.apiKey);
  if (key !== undefined && nonEmpty(env[BEARER_TOKEN_ENV]) !== undefined) return { kind: 'bearer', token: key };

  const envAccessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const envSecretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  if (envAccessKeyId !== undefined && envSecretAccessKey !== undefined) {
    return {
      kind: 'sigv4',
      credentials: { accessKeyId: envAccessKeyId, secretAccessKey: envSecretAccessKey, sessionToken: nonEmpty(env.AWS_SESSION_TOKEN) },
    };
  }
  return key === undefined ? undefined : { kind: 'bearer', token: key };
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
