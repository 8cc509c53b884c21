import { AbortedError, StreamError, TimeoutError } from '../errors/error-classes.js';
import { isLiterLlmError, type LiterLlmError } from '../errors/liter-llm-error.js';

export interface StreamReadErrorInput {
  readonly provider: string;
  readonly model: string;
  /** Whether the idle timer fired (it aborts the request, which surfaces as the read error). */
  readonly idleFired: boolean;
  readonly idleTimeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** The message when the caller aborted. */
  readonly abortedMessage: string;
  /** What a broken stream says: the message, and the text received so far. */
  readonly brokenMessage: string;
  readonly partialContent: string;
}

/**
 * The error a failed stream read ends with: a `TimeoutError` when the stream went silent, a typed
 * error as it is, `AbortedError` when the caller aborted, else a `StreamError` carrying what arrived.
 */
export function convertStreamReadError(error: unknown, input: StreamReadErrorInput): LiterLlmError {
  const context = { provider: input.provider, model: input.model };
  if (input.idleFired) {
    return new TimeoutError(`${input.provider}: no stream data for ${input.idleTimeoutMs} ms`, { ...context, retryable: true });
  }
  if (isLiterLlmError(error)) return error;
  if (input.signal?.aborted === true) return new AbortedError(input.abortedMessage, { ...context, cause: input.signal.reason });
  return new StreamError(input.brokenMessage, {
    ...context,
    partialContent: input.partialContent,
    cause: error instanceof Error ? error.message : String(error),
  });
}
