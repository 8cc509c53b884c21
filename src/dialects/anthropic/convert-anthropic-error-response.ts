import { extractErrorMessage } from '../../errors/create-http-error.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { buildDialectError, describeHttpFailure, type DialectErrorTable } from '../shared/build-dialect-error.js';
import { isRecord } from '../shared/is-record.js';

/**
 * Anthropic's errors (https://docs.anthropic.com/en/api/errors). Its own 529 `overloaded_error`
 * means the service is busy for everyone: ServiceUnavailable, retryable. The rest follows the
 * shared status mapping, which already reads `prompt is too long` as ContextWindowExceeded, 401/403
 * as Authentication and 429 as RateLimited. An error without a status (an SSE `error` event, a 2xx
 * body holding only an error) stands for the status Anthropic documents for its type.
 */
export const ANTHROPIC_ERRORS = {
  rules: [
    { statuses: [529], kind: 'ServiceUnavailable' },
    { types: ['overloaded_error'], kind: 'ServiceUnavailable' },
  ],
  otherwise: 'shared',
  statusByType: {
    invalid_request_error: 400,
    authentication_error: 401,
    billing_error: 402,
    permission_error: 403,
    not_found_error: 404,
    request_too_large: 413,
    rate_limit_error: 429,
    api_error: 500,
    timeout_error: 504,
    overloaded_error: 529,
  },
} satisfies DialectErrorTable;

/** An Anthropic error body (`{ type: 'error', error: { type, message } }`) as a typed error. */
export function convertAnthropicErrorResponse(status: number, body: unknown, route: ResolvedRoute): LiterLlmError {
  const message = extractErrorMessage(body);
  return buildDialectError(
    ANTHROPIC_ERRORS,
    { status, types: [readAnthropicErrorType(body)], message, text: describeHttpFailure(route.provider.id, status, message), body },
    { provider: route.provider.id, model: route.model },
  );
}

/** `error.type` of an Anthropic error body, when it has one. */
export function readAnthropicErrorType(body: unknown): string | undefined {
  const error = isRecord(body) ? body.error : undefined;
  return isRecord(error) && typeof error.type === 'string' ? error.type : undefined;
}
