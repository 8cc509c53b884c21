import { AbortedError, StreamError, TimeoutError } from '../errors/error-classes.js';
import { isLiterLlmError, type LiterLlmError } from '../errors/liter-llm-error.js';
import type { SendResult } from '../transport/send-with-retry.js';
import { createIdleTimer } from './create-idle-timer.js';

export interface StreamGuardInput {
  readonly sent: SendResult;
  readonly info: { readonly provider: string; readonly model: string };
  /** Longest silence between two reads before the stream is abandoned. */
  readonly idleTimeoutMs: number;
  /** The stream's total deadline, counted from `startedAt` (the call's start); undefined: none. */
  readonly streamTimeoutMs?: number | undefined;
  readonly startedAt: number;
  /** The call's signal: aborting it mid-stream is the caller's choice, not a broken stream. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Called after the idle timer fired and cancelled the request. A consumer that stopped pulling
   * never resumes the stream, so its layers learn of the end only through this.
   */
  readonly onIdle?: (() => void) | undefined;
}

/** The watch over one streamed read: idle timeout, total deadline, error conversion, and the end of the request. */
export interface StreamGuard {
  /** Notes a read (an event, or a comment such as a keep-alive); after `idleTimeoutMs` without one the request is aborted. */
  arm(): void;
  /**
   * The error a failed read ends with: `TimeoutError` when the stream went silent or ran past
   * `streamTimeoutMs`, a typed error as it is, `AbortedError` when the caller aborted, else a
   * `StreamError` carrying what arrived.
   */
  fail(error: unknown, brokenMessage: string, partial: PartialContent): LiterLlmError;
  /** Stops the timers and ends the request: the consumer stopped early, or the end came with the body still open. */
  close(): void;
}

/** What a `StreamError` carries of the text received. */
export interface PartialContent {
  readonly partialContent: string;
  readonly partialContentTruncated: boolean;
}

/** `abortedMessage`: the message of the `AbortedError` when the caller aborted. */
export function createStreamGuard(input: StreamGuardInput, abortedMessage: string): StreamGuard {
  const { sent } = input;
  const { provider, model } = input.info;
  const idle = createIdleTimer(input.idleTimeoutMs, () => {
    sent.abort(new Error('stream idle timeout'));
    input.onIdle?.();
  });
  const { streamTimeoutMs } = input;
  let pastDeadline = false;
  const deadline =
    streamTimeoutMs === undefined
      ? undefined
      : setTimeout(
          () => {
            pastDeadline = true;
            sent.abort(new Error('stream deadline'));
          },
          Math.max(0, input.startedAt + streamTimeoutMs - Date.now()),
        );
  return {
    arm: () => idle.arm(),
    fail(error, brokenMessage, partial) {
      const context = { provider, model };
      // Not retryable: the caller's whole allowance for the stream is spent.
      if (pastDeadline) {
        return new TimeoutError(`${provider}: the stream ran past streamTimeoutMs (${streamTimeoutMs} ms)`, { ...context, retryable: false });
      }
      if (idle.fired) {
        return new TimeoutError(`${provider}: no stream data for ${input.idleTimeoutMs} ms`, { ...context, retryable: true });
      }
      if (isLiterLlmError(error)) return error;
      if (input.signal?.aborted === true) return new AbortedError(abortedMessage, { ...context, cause: input.signal.reason });
      return new StreamError(brokenMessage, {
        ...context,
        ...partial,
        cause: error instanceof Error ? error.message : String(error),
      });
    },
    close() {
      idle.clear();
      clearTimeout(deadline);
      sent.abort(new Error('stream closed'));
    },
  };
}
