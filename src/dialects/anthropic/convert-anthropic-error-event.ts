import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { convertAnthropicErrorResponse, readAnthropicErrorType } from './convert-anthropic-error-response.js';

/** The HTTP status Anthropic documents for each error type (https://docs.anthropic.com/en/api/errors). */
const STATUS_BY_ERROR_TYPE: Readonly<Record<string, number>> = {
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
};

/**
 * An error that arrives without a meaningful HTTP status: an SSE `error` event mid-stream, or a 2xx
 * body holding only an error. Its kind comes from `error.type` through the status Anthropic
 * documents for that type; an unknown type counts as a server error.
 */
export function convertAnthropicErrorEvent(body: unknown, route: ResolvedRoute): LiterLlmError {
  const type = readAnthropicErrorType(body);
  const status = (type === undefined ? undefined : STATUS_BY_ERROR_TYPE[type]) ?? 500;
  return convertAnthropicErrorResponse(status, body, route);
}
