/** OpenAI finish reasons, or `failed` when Cohere reports that generation broke off. */
export type CohereFinishOutcome = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'failed';

/**
 * Cohere's finish_reason as OpenAI's. `ERROR` and `TIMEOUT` mean the answer broke off, which
 * OpenAI has no finish reason for: they come back as `failed`, and the caller throws rather than
 * hand over a cut answer as complete. `ERROR_TOXIC` and `ERROR_LIMIT` are the v1 names still seen
 * on some deployments.
 */
export function mapCohereFinishReason(reason: string | undefined): CohereFinishOutcome {
  switch (reason) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
    case 'USER_CANCEL':
    case undefined:
      return 'stop';
    case 'MAX_TOKENS':
    case 'ERROR_LIMIT':
      return 'length';
    case 'TOOL_CALL':
      return 'tool_calls';
    case 'ERROR_TOXIC':
      return 'content_filter';
    case 'ERROR':
    case 'TIMEOUT':
      return 'failed';
    default:
      // A value added after this was written: an error-like one is a failure, anything else an end.
      return reason.startsWith('ERROR') ? 'failed' : 'stop';
  }
}
