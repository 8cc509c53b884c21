/**
 * Error codes of a connection that never opened (refused, unreachable, no DNS answer, connect
 * timeout): nothing of the request left the client. Any other failure (a reset, a socket closed
 * mid-exchange) may come after the request body went out.
 */
const CONNECT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Whether fetch failed before it had a connection, read from the error's `cause` chain (undici's
 * `TypeError: fetch failed` carries the socket error, whose `code` names the failure).
 *
 * @example
 * isConnectFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })); // true
 */
export function isConnectFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
