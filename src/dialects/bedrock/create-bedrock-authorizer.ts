import { AuthenticationError } from '../../errors/error-classes.js';
import type { Authorizer, AuthorizerInput } from '../dialect.js';
import { BEARER_TOKEN_ENV, resolveBedrockCredentials, type BedrockCredentials } from './resolve-bedrock-credentials.js';
import { resolveSigningRegion } from './resolve-signing-region.js';
import { signAwsRequest } from './sign-aws-request.js';

/** The SigV4 service name of bedrock-runtime. */
const SERVICE = 'bedrock';

/**
 * Credentials for Bedrock calls: a Bedrock API key as a bearer token, or a SigV4 signature over
 * the final URL and body of each attempt (see resolve-bedrock-credentials.ts for the order).
 * Only `host` and `x-amz-*` headers are signed, so proxies and fetch implementations that touch
 * other headers do not break the signature. Missing credentials fail the call before it is sent.
 * `now` is for tests.
 */
export function createBedrockAuthorizer(input: AuthorizerInput, now: () => Date = () => new Date()): Authorizer {
  let credentials: BedrockCredentials | undefined;
  let problem: unknown;
  try {
    credentials = resolveBedrockCredentials(input);
  } catch (error) {
    problem = error;
  }
  // Signing keys derived per day, region and service; the secret never leaves this closure.
  const signingKeys = new Map<string, ArrayBuffer>();
  const id = input.providerId;

  return {
    async headers(request) {
      if (problem !== undefined) throw problem;
      if (credentials === undefined) {
        throw new AuthenticationError(
          `${id}: no AWS credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary ones), ` +
            `or ${BEARER_TOKEN_ENV} for a Bedrock API key, or pass providers.${id}.aws ({ accessKeyId, secretAccessKey, sessionToken, region }) to createClient`,
          { provider: id },
        );
      }
      if (credentials.kind === 'bearer') return { authorization: `Bearer ${credentials.token}` };
      const signed: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        const lower = name.toLowerCase();
        if (lower.startsWith('x-amz-') && lower !== 'x-amz-date' && lower !== 'x-amz-security-token') signed[lower] = value;
      }
      return signAwsRequest({
        method: request.method,
        url: request.url,
        headers: signed,
        body: request.body,
        service: SERVICE,
        region: resolveSigningRegion(request.url, input),
        credentials: credentials.credentials,
        datetime: now().toISOString().replace(/[:-]|\.\d{3}/g, ''),
        cache: signingKeys,
        provider: id,
      });
    },
    // The credentials, not a signature: each request is signed anew with the same ones.
    identity() {
      if (credentials === undefined) return Promise.resolve(['missing']);
      if (credentials.kind === 'bearer') return Promise.resolve(['bearer', credentials.token]);
      const { accessKeyId, secretAccessKey, sessionToken } = credentials.credentials;
      return Promise.resolve(['sigv4', accessKeyId, secretAccessKey, sessionToken ?? null]);
    },
  };
}
