import { isLiterLlmError } from './liter-llm-error.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * Scrubs configured secrets from an error in place: message, stack, raw body, partial content,
 * and the same for its causes and the errors of earlier attempts, however deep and even when
 * they refer back to each other.
 * The core handler applies it before any layer sees an error (hooks, custom middleware, tracers),
 * and the client again on the way out, so a layer that forgets cannot leak a key.
 */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || !(error instanceof Error)) return error;
  const seen = new Set<Error>();
  const pending: Error[] = [error];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    if (seen.has(current)) continue;
    seen.add(current);
    redactOwnFields(current, secrets);
    // Fallback and routing attach every attempt's error; each may echo a different key.
    const attempts: unknown = (current as { errors?: unknown }).errors;
    if (Array.isArray(attempts)) {
      for (const attempt of attempts) if (attempt instanceof Error) pending.push(attempt);
    }
    const cause: unknown = (current as { cause?: unknown }).cause;
    if (cause instanceof Error) pending.push(cause);
    else if (cause !== undefined) define(current, 'cause', redactSecrets(cause, secrets));
  }
  return error;
}

function redactOwnFields(error: Error, secrets: readonly string[]): void {
  define(error, 'message', redactSecrets(error.message, secrets));
  if (typeof error.stack === 'string') define(error, 'stack', redactSecrets(error.stack, secrets));
  if (isLiterLlmError(error)) {
    Object.defineProperty(error, 'body', { value: redactSecrets(error.body, secrets), enumerable: true, configurable: true });
    if ('partialContent' in error) define(error, 'partialContent', redactSecrets(error.partialContent, secrets));
  }
}

function define(error: Error, name: string, value: unknown): void {
  Object.defineProperty(error, name, { value, writable: true, configurable: true, enumerable: false });
}
