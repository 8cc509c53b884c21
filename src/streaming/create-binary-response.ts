import { AbortedError, StreamError, TimeoutError } from '../errors/error-classes.js';
import { isLiterLlmError } from '../errors/liter-llm-error.js';
import type { SendResult } from '../transport/send-with-retry.js';
import type { CallContext } from '../call/call-context.js';
import { createIdleTimer } from '../streaming/create-idle-timer.js';
import { BinaryResponse } from './binary-response.js';

/**
 * Wraps an open response whose body is bytes of unbounded size. Nothing is read until the caller
 * reads; `timeoutMs` is the longest silence between two reads (as for streams), a cut connection
 * errors the body with `StreamError`, and cancelling the body cancels the HTTP request.
 */
export function createBinaryResponse(sent: SendResult, context: CallContext): BinaryResponse {
  const { info, options } = context;
  const errorContext = { provider: info.provider, model: info.model };
  const source = sent.response.body;
  const reader = source?.getReader();
  let received = 0;
  const idle = createIdleTimer(options.timeoutMs, () => sent.abort(new Error('body idle timeout')));
  const mapBodyError = (error: unknown): unknown => {
    if (idle.fired) {
      return new TimeoutError(`${info.provider}: no body data for ${options.timeoutMs} ms`, {
        ...errorContext,
        retryable: true,
      });
    }
    if (options.signal?.aborted)
      return new AbortedError('the call was aborted', { ...errorContext, cause: options.signal.reason });
    if (isLiterLlmError(error)) return error;
    return new StreamError(`${info.provider}: the body broke after ${received} bytes`, {
      ...errorContext,
      cause: error instanceof Error ? error.message : String(error),
    });
  };

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (reader === undefined) {
          controller.close();
          sent.abort(new Error('body closed'));
          return;
        }
        idle.arm();
        try {
          const { done, value } = await reader.read();
          idle.clear();
          if (done) {
            controller.close();
            sent.abort(new Error('body closed'));
            return;
          }
          received += value.byteLength;
          controller.enqueue(value);
        } catch (error) {
          idle.clear();
          controller.error(mapBodyError(error));
        }
      },
      cancel(reason) {
        idle.clear();
        sent.abort(reason);
        return reader?.cancel(reason).catch(() => {});
      },
    },
    // Nothing is read ahead of the caller.
    { highWaterMark: 0 },
  );

  const length = Number(sent.response.headers.get('content-length'));
  return new BinaryResponse(
    body,
    sent.response.headers.get('content-type') ?? 'application/octet-stream',
    sent.response.headers.has('content-length') && Number.isFinite(length) ? length : undefined,
  );
}
