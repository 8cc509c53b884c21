import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { buildDialectError, type DialectErrorTable } from '../shared/build-dialect-error.js';

/** A generation Cohere ended itself, by finish_reason and the error text it gave. */
export const COHERE_FAILURES = {
  rules: [
    { types: ['TIMEOUT'], kind: 'Timeout' },
    { message: /too many tokens|context length/i, kind: 'ContextWindowExceeded' },
    { message: /toxic|blocked|safety/i, kind: 'ContentPolicy' },
  ],
  otherwise: { kind: 'ServerError' },
} satisfies DialectErrorTable;

/**
 * The error for a generation Cohere ended with finish_reason `ERROR` or `TIMEOUT` (or a
 * `message-end` carrying an error text). The answer is cut, so it is thrown instead of returned.
 */
export function createCohereFailure(finishReason: string, detail: string | undefined, body: unknown, route: ResolvedRoute): LiterLlmError {
  const text = `${route.provider.id}: generation ended with finish_reason ${finishReason}${detail === undefined ? '' : `: ${detail}`}`;
  return buildDialectError(
    COHERE_FAILURES,
    { status: undefined, types: [finishReason], message: detail ?? '', text, body },
    { provider: route.provider.id, model: route.model },
  );
}
