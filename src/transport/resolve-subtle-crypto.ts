import { ConfigurationError } from '../errors/error-classes.js';

/**
 * Web Crypto's `crypto.subtle`, or a `ConfigurationError` saying why it is missing: a browser
 * exposes it only on secure origins (https, or localhost), so a page served over plain http has
 * none. Raised before any request, never retried, instead of a `TypeError` deep in a hash or a
 * signature that the retry loop would take for a network failure. `purpose` says what needed it.
 */
export function resolveSubtleCrypto(purpose: string, provider?: string): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle !== undefined && subtle !== null) return subtle;
  throw new ConfigurationError(
    `${provider === undefined ? '' : `${provider}: `}${purpose} needs Web Crypto (crypto.subtle), which this runtime does not provide: a browser exposes it only on secure origins (https, or localhost)`,
    provider === undefined ? {} : { provider },
  );
}
