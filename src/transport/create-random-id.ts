import { ConfigurationError } from '../errors/error-classes.js';

/**
 * A random version 4 UUID. `crypto.randomUUID` exists only in secure contexts (a browser page on
 * plain http has none), while `crypto.getRandomValues` exists everywhere, so that is the fallback:
 * an id needs randomness, not Web Crypto's `subtle`.
 */
export function createRandomId(): string {
  const webCrypto = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new ConfigurationError('this runtime has no crypto.getRandomValues, which liter-llm needs for random ids');
  }
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
