import { isLiterLlmError } from './liter-llm-error.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * Scrubs configured secrets from an error leaving the client: message, stack, raw body, cause and
 * the errors of earlier attempts.
 * The client applies it to every error on its way out, so a layer that forgets (a dialect, a
 * custom middleware) cannot leak a key into an application's logs.
 */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || !(error instanceof Error)) return error;
  const define = (name: string, value: unknown): void => {
    Object.defineProperty(error, name, { value, writable: true, configurable: true, enumerable: false });
  };
  define('message', redactSecrets(error.message, secrets));
  if (typeof error.stack === 'string') define('stack', redactSecrets(error.stack, secrets));
  if (isLiterLlmError(error)) {
    Object.defineProperty(error, 'body', { value: redactSecrets(error.body, secrets), enumerable: true, configurable: true });
    if ('partialContent' in error) define('partialContent', redactSecrets(error.partialContent, secrets));
  }
  // Fallback and routing attach every attempt's error; each may echo a different key.
  const attempts: unknown = (error as { errors?: unknown }).errors;
  if (Array.isArray(attempts)) {
    for (const attempt of attempts) if (attempt !== error) redactError(attempt, secrets);
  }
  const cause: unknown = (error as { cause?: unknown }).cause;
  if (cause !== undefined) define('cause', cause instanceof Error ? redactError(cause, secrets) : redactSecrets(cause, secrets));
  return error;
}
