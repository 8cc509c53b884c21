import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { statusForType } from '../shared/build-dialect-error.js';
import { ANTHROPIC_ERRORS, convertAnthropicErrorResponse, readAnthropicErrorType } from './convert-anthropic-error-response.js';

/**
 * An error that arrives without a meaningful HTTP status: an SSE `error` event mid-stream, or a 2xx
 * body holding only an error. Its kind comes from `error.type` through the status Anthropic
 * documents for that type; an unknown type counts as a server error.
 */
export function convertAnthropicErrorEvent(body: unknown, route: ResolvedRoute): LiterLlmError {
  return convertAnthropicErrorResponse(statusForType(ANTHROPIC_ERRORS, readAnthropicErrorType(body)), body, route);
}
