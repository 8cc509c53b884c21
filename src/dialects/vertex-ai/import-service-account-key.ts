import { ConfigurationError } from '../../errors/error-classes.js';
import { resolveSubtleCrypto } from '../../transport/resolve-subtle-crypto.js';

/** The service account's PEM private key (PKCS #8, as Google issues it) as a Web Crypto signing key. */
export async function importServiceAccountKey(pem: string, provider: string): Promise<CryptoKey> {
  if (pem.includes('BEGIN RSA PRIVATE KEY')) {
    throw new ConfigurationError(`${provider}: the service account's private_key is PKCS #1; Web Crypto needs the PKCS #8 form Google issues (BEGIN PRIVATE KEY)`, {
      provider,
    });
  }
  // Asked first: a missing crypto.subtle must not read as a bad key.
  const subtle = resolveSubtleCrypto('signing the service account token request (Vertex AI)', provider);
  // Keys pasted into environment variables often keep their line breaks as literal \n.
  const base64 = pem.replace(/-----(?:BEGIN|END) PRIVATE KEY-----/g, '').replace(/\\n/g, '').replace(/\s+/g, '');
  try {
    const der = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    return await subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  } catch {
    throw new ConfigurationError(`${provider}: the service account's private_key is not a PEM PKCS #8 RSA key`, { provider });
  }
}
