import { expect } from 'vitest';

export interface TestServiceAccount {
  /** A service-account key JSON object whose token_uri is the loopback token endpoint. */
  readonly json: Record<string, string>;
  readonly publicKey: CryptoKey;
}

/** A fresh RSA key pair, generated in the test, wrapped as Google's service-account JSON. */
export async function createTestServiceAccount(tokenUri: string): Promise<TestServiceAccount> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const base64 = Buffer.from(pkcs8).toString('base64');
  const pem = `-----BEGIN PRIVATE KEY-----\n${base64.match(/.{1,64}/g)?.join('\n')}\n-----END PRIVATE KEY-----\n`;
  return {
    json: {
      type: 'service_account',
      project_id: 'test-project',
      private_key_id: 'key-id-1',
      private_key: pem,
      client_email: 'robot@test-project.iam.gserviceaccount.com',
      client_id: '1234567890',
      token_uri: tokenUri,
    },
    publicKey: pair.publicKey,
  };
}

/** Checks an RS256 JWT's signature with the public key and returns its header and claims. */
export async function verifyJwt(jwt: string, publicKey: CryptoKey): Promise<{ header: Record<string, unknown>; claims: Record<string, unknown> }> {
  const [header = '', claims = '', signature = ''] = jwt.split('.');
  const valid = await crypto.subtle.verify(
    'RSASSA-PKCS1-v1_5',
    publicKey,
    Buffer.from(signature, 'base64url'),
    new TextEncoder().encode(`${header}.${claims}`),
  );
  expect(valid, 'JWT signature verifies with the public key').toBe(true);
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}
