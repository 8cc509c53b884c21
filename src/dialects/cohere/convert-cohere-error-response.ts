import { createHttpError, extractErrorMessage } from '../../errors/create-http-error.js';
import { AuthenticationError, BadRequestError, ContentPolicyError, ContextWindowExceededError } from '../../errors/error-classes.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';

export interface CohereErrorContext {
  readonly provider: string;
  readonly model: string;
}

// Cohere's "too many tokens" covers both the prompt overflowing the context and a max_tokens above
// the model's output limit; only the first is a context-window error.
const MAX_TOKENS_TOO_HIGH = /max[_ ]tokens must be (?:less than|at most)/i;
const PROMPT_TOO_LONG = /too many tokens|size limit exceeded|prompt cannot exceed|context length/i;
const BLOCKED = /blocked (?:input|output)|safety (?:policy|filter)|content moderation/i;

/**
 * A Cohere error response (`{ "message": string }` with the HTTP status, per
 * https://docs.cohere.com/reference/errors) as a typed error. 498 is Cohere's "invalid token"; the
 * rest follow the shared status mapping once the messages above are told apart.
 */
export function convertCohereErrorResponse(status: number, body: unknown, context: CohereErrorContext): LiterLlmError {
  const message = extractErrorMessage(body);
  const text = `${context.provider}: HTTP ${status}${message === '' ? '' : `: ${message}`}`;
  const options = { status, provider: context.provider, model: context.model, body };
  if (status === 498) return new AuthenticationError(text, options);
  if (status === 400 || status === 422) {
    if (MAX_TOKENS_TOO_HIGH.test(message)) return new BadRequestError(text, options);
    if (PROMPT_TOO_LONG.test(message)) return new ContextWindowExceededError(text, options);
    if (BLOCKED.test(message)) return new ContentPolicyError(text, options);
  }
  return createHttpError({ status, body, provider: context.provider, model: context.model, secrets: [] });
}
