export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export interface ServiceAccountAssertionInput {
  readonly clientEmail: string;
  readonly privateKeyId: string | undefined;
  readonly tokenUri: string;
  readonly signingKey: CryptoKey;
  /** Unix seconds. */
  readonly now: number;
}

/**
 * The signed JWT a service account trades for an access token (RFC 7523): RS256 over
 * `{ iss, scope, aud: token_uri, iat, exp }`, valid for one hour, the longest Google accepts.
 */
export async function createServiceAccountAssertion(input: ServiceAccountAssertionInput): Promise<string> {
  const header: Record<string, string> = { alg: 'RS256', typ: 'JWT' };
  if (input.privateKeyId !== undefined) header.kid = input.privateKeyId;
  const claims = { iss: input.clientEmail, scope: CLOUD_PLATFORM_SCOPE, aud: input.tokenUri, iat: input.now, exp: input.now + 3600 };
  const signingInput = `${encodeBase64Url(encodeJson(header))}.${encodeBase64Url(encodeJson(claims))}`;
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', input.signingKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${encodeBase64Url(new Uint8Array(signature))}`;
}

function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
