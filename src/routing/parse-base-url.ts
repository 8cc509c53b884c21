import { ConfigurationError } from '../errors/error-classes.js';

const HTTP_URL = /^https?:\/\/\S+$/;

/**
 * A base URL without its trailing slashes, or a `ConfigurationError` naming `field` when it is
 * not an absolute http(s) URL: caught when the client is created, not by fetch on the first call
 * (where it would look like a dropped connection and be retried).
 */
export function parseBaseUrl(value: string, field: string, provider?: string): string {
  if (!HTTP_URL.test(value) || !URL.canParse(value)) {
    throw new ConfigurationError(`${field} must be an absolute http(s) URL, got ${JSON.stringify(value)}`, { provider });
  }
  return value.replace(/\/+$/, '');
}
