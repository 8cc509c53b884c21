import { createHttpError, extractErrorMessage } from '../../errors/create-http-error.js';
import { ServiceUnavailableError } from '../../errors/error-classes.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * An Anthropic error body (`{ type: 'error', error: { type, message } }`, documented at
 * https://docs.anthropic.com/en/api/errors) as a typed error. Anthropic's own 529
 * `overloaded_error` means the service is busy for everyone: ServiceUnavailable, retryable. The rest
 * follows the shared status mapping, which already reads `prompt is too long` as
 * ContextWindowExceeded, 401/403 as Authentication and 429 as RateLimited.
 */
export function convertAnthropicErrorResponse(status: number, body: unknown, route: ResolvedRoute): LiterLlmError {
  const context = { provider: route.provider.id, model: route.model };
  if (status === 529 || readAnthropicErrorType(body) === 'overloaded_error') {
    const message = extractErrorMessage(body);
    return new ServiceUnavailableError(`${route.provider.id}: HTTP ${status}${message ? `: ${message}` : ''}`, { ...context, status, body });
  }
  return createHttpError({ status, body, ...context, secrets: [] });
}

/** `error.type` of an Anthropic error body, when it has one. */
export function readAnthropicErrorType(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (error === null || typeof error !== 'object') return undefined;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}
