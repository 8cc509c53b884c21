import { ContentPolicyError, ContextWindowExceededError, ServerError, TimeoutError } from '../../errors/error-classes.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * The error for a generation Cohere ended with finish_reason `ERROR` or `TIMEOUT` (or a
 * `message-end` carrying an error text). The answer is cut, so it is thrown instead of returned.
 */
export function createCohereFailure(finishReason: string, detail: string | undefined, body: unknown, route: ResolvedRoute): LiterLlmError {
  const options = { provider: route.provider.id, model: route.model, body };
  const message = `${route.provider.id}: generation ended with finish_reason ${finishReason}${detail === undefined ? '' : `: ${detail}`}`;
  if (finishReason === 'TIMEOUT') return new TimeoutError(message, options);
  if (detail !== undefined && /too many tokens|context length/i.test(detail)) return new ContextWindowExceededError(message, options);
  if (detail !== undefined && /toxic|blocked|safety/i.test(detail)) return new ContentPolicyError(message, options);
  return new ServerError(message, options);
}
