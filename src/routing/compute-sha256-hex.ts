import { resolveSubtleCrypto } from '../transport/resolve-subtle-crypto.js';

/**
 * The hex SHA-256 of `text` (UTF-8), through Web Crypto, so it runs in every runtime that has it
 * (cache keys and cache scopes); where `crypto.subtle` is missing, a ConfigurationError says why.
 */
export async function computeSha256Hex(text: string): Promise<string> {
  const digest = await resolveSubtleCrypto('the cache (hashing its keys)').digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
