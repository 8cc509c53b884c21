import { extractErrorMessage } from '../../errors/create-http-error.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import { buildDialectError, describeHttpFailure, type DialectErrorTable, type ErrorOrigin } from '../shared/build-dialect-error.js';

export type CohereErrorContext = ErrorOrigin;

// Cohere's "too many tokens" covers both the prompt overflowing the context and a max_tokens above
// the model's output limit; only the first is a context-window error.
const MAX_TOKENS_TOO_HIGH = /max[_ ]tokens must be (?:less than|at most)/i;
const PROMPT_TOO_LONG = /too many tokens|size limit exceeded|prompt cannot exceed|context length/i;
const BLOCKED = /blocked (?:input|output)|safety (?:policy|filter)|content moderation/i;

/**
 * Cohere's errors (`{ "message": string }` with the HTTP status, per
 * https://docs.cohere.com/reference/errors). 498 is Cohere's "invalid token"; the rest follow the
 * shared status mapping once the messages above are told apart.
 */
export const COHERE_ERRORS = {
  rules: [
    { statuses: [498], kind: 'Authentication' },
    { statuses: [400, 422], message: MAX_TOKENS_TOO_HIGH, kind: 'BadRequest' },
    { statuses: [400, 422], message: PROMPT_TOO_LONG, kind: 'ContextWindowExceeded' },
    { statuses: [400, 422], message: BLOCKED, kind: 'ContentPolicy' },
  ],
  otherwise: 'shared',
} satisfies DialectErrorTable;

/** A Cohere error response as a typed error. */
export function convertCohereErrorResponse(status: number, body: unknown, context: CohereErrorContext): LiterLlmError {
  const message = extractErrorMessage(body);
  return buildDialectError(COHERE_ERRORS, { status, types: [], message, text: describeHttpFailure(context.provider, status, message), body }, context);
}
