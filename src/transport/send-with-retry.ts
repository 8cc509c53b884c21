import { AbortedError, InvalidResponseError, NetworkError, TimeoutError } from '../errors/error-classes.js';
import { createHttpError } from '../errors/create-http-error.js';
import { isLiterLlmError, type LiterLlmError } from '../errors/liter-llm-error.js';
import { redactSecrets } from '../errors/redact-secrets.js';
import { systemClock } from './clock.js';
import { computeBackoffDelay } from './compute-backoff-delay.js';
import { isConnectFailure } from './is-connect-failure.js';
import { noteAttemptBudgetSpent } from '../errors/note-attempt-budget-spent.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { readBoundedText, type BoundedText } from './read-bounded-text.js';
import type { OutgoingRequest } from '../dialects/dialect.js';
import { sendRequest, type HttpRequest } from './send-request.js';
import { isLoadFailure } from '../loading/create-load-failure.js';
import { createLinkedSignal, type LinkedSignal } from './create-linked-signal.js';

/** Longest server-requested wait we honour; beyond it the error goes back to the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Shortest wait between attempts: a server asking for less (`retry-after-ms: 0`) is not hammered in a loop. */
export const MIN_RETRY_AFTER_MS = 100;

/** The default `maxResponseBytes` (64 MiB): the largest JSON or text body read whole. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The most of an error body read (64 KiB): enough for any provider's message, the rest is discarded. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface SendWithRetryParams extends Omit<HttpRequest, 'signal'> {
  readonly maxRetries: number;
  /** Largest body read in `json` and `text` mode (default 64 MiB); past it the call fails with `InvalidResponseError`. */
  readonly maxResponseBytes?: number;
  /** The call's `timeoutMs`, named in the `TimeoutError`. */
  readonly timeoutMs: number;
  /**
   * When the whole call must have settled (epoch ms), fallbacks and router deployments included;
   * default `timeoutMs` from now. No attempt runs and no retry waits past it.
   */
  readonly deadlineAt?: number;
  /**
   * Upstream requests the whole call may send (`maxAttempts`); with `attemptsSpent` (default: this
   * route's own), a failure that would be retried goes back once they are spent, saying so.
   */
  readonly maxAttempts?: number;
  readonly attemptsSpent?: () => number;
  /**
   * For requests that make something upstream (`files.create`, `batches.create`): once the request
   * may have reached the server, only a 429 or 503 (the server refused the work) is retried. It
   * counts as sent when any answer arrived, or when the connection failed after it had opened (a
   * reset may come after the server read the whole body); only a connection that never opened
   * (refused, unreachable, DNS, connect timeout) proves nothing was sent. Knowing the body was
   * fully pulled would need a streamed body, which loses its `content-length`.
   */
  readonly onlyRetryUnsent?: boolean;
  readonly signal?: AbortSignal | undefined;
  /**
   * `json` reads and parses the body under the deadline; `text` reads it as text under the
   * deadline; `stream` returns once headers arrive (SSE, and binary bodies of unbounded size).
   */
  readonly mode: 'json' | 'text' | 'stream';
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
  readonly secrets: readonly string[];
  readonly random?: () => number;
  readonly sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  /** Called as each attempt starts, so a failed call still reports how often it tried. */
  readonly onAttempt?: () => void;
  /** Headers computed per attempt over the final request (signatures, fresh tokens). */
  readonly authorize?: (request: OutgoingRequest) => Promise<Record<string, string>>;
  /** A dialect's reading of an error body; undefined falls back to the shared status mapping. */
  readonly mapError?: (status: number, body: unknown, headers: Headers) => LiterLlmError | undefined;
  /**
   * When fetch throws before a response, the error if the request itself could not be sent (a bad
   * header or URL): asked only on that path, so a healthy call pays nothing for the check.
   */
  readonly findUnsendable?: () => LiterLlmError | undefined;
}

export interface SendResult {
  readonly response: Response;
  readonly attempts: number;
  /** Parsed JSON body in `json` mode, the text in `text` mode. */
  readonly body: unknown;
  /** Aborts the underlying request (stream mode: the consumer stopped early). */
  readonly abort: (reason?: unknown) => void;
}

class DeadlineReached extends Error {}

/**
 * Sends with retries on connection errors, 408, 409, 429 and 5xx, honouring `retry-after-ms` and
 * `Retry-After` from 100 ms up to 60 s, else jittered exponential backoff, within the call's
 * deadline and attempt budget. Streams are retried only until their
 * response headers arrive: after that a failure belongs to the consumer. A request whose body is a
 * stream is sent once: the stream is consumed by the first attempt and cannot be replayed.
 */
export async function sendWithRetry(params: SendWithRetryParams): Promise<SendResult> {
  const deadline = params.deadlineAt ?? Date.now() + params.timeoutMs;
  const sleep = params.sleep ?? systemClock.sleep;
  const errorContext = { provider: params.provider, model: params.model };
  const replayable = !(params.body instanceof ReadableStream);
  let attempts = 0;

  for (;;) {
    attempts += 1;
    params.onAttempt?.();
    if (params.signal?.aborted) throw abortedError(params.signal.reason, errorContext);
    const controller = createLinkedSignal(params.signal, deadline - Date.now(), () => new DeadlineReached());
    const cleanup = controller.dispose;

    let failure: LiterLlmError;
    /** Whether the request may have reached the server (see `onlyRetryUnsent`). */
    let maybeSent = true;
    try {
      const headers =
        params.authorize === undefined
          ? params.headers
          : {
              ...params.headers,
              ...(await params.authorize({
                url: params.url,
                method: params.method,
                headers: params.headers,
                body: typeof params.body === 'string' ? params.body : undefined,
              })),
            };
      // Named fields, not `...params`: the retry options (a dozen more) are no business of fetch.
      const response = await sendRequest({
        url: params.url,
        method: params.method,
        headers,
        body: params.body,
        signal: controller.signal,
        fetch: params.fetch,
      });
      if (response.ok) {
        if (params.mode === 'stream') {
          // The deadline covers the answer's headers; the stream's own idle and total timers take over.
          controller.stopTimer();
          return {
            response,
            attempts,
            body: undefined,
            abort: (reason) => {
              controller.dispose();
              controller.abort(reason);
            },
          };
        }
        const text = await readSuccessBody(response, controller, params);
        cleanup();
        const body = params.mode === 'text' ? text : parseJsonBody(text, response, params);
        return { response, attempts, body, abort: () => {} };
      }
      const text = await readErrorBody(response, controller.signal);
      const body = parseMaybeJson(text);
      const retryAfterMs = parseRetryAfter(response.headers);
      failure =
        params.mapError?.(response.status, body, response.headers) ??
        createHttpError({ status: response.status, body, ...errorContext, retryAfterMs, secrets: params.secrets });
      if (failure.retryAfterMs === undefined && retryAfterMs !== undefined) {
        Object.defineProperty(failure, 'retryAfterMs', { value: retryAfterMs });
      }
      const shouldRetry = response.headers.get('x-should-retry');
      if (shouldRetry === 'true' || shouldRetry === 'false') {
        failure = withRetryable(failure, shouldRetry === 'true');
      }
      // The server refused the work, so nothing was made: safe to send again.
      if (response.status === 429 || response.status === 503) maybeSent = false;
      cleanup();
    } catch (error) {
      cleanup();
      if (isLoadFailure(error)) {
        // The authorizer's dialect chunk did not load: nothing was sent, and the next try loads it again.
        failure = error;
        maybeSent = false;
      } else {
        if (isLiterLlmError(error)) throw error;
        if (controller.signal.reason instanceof DeadlineReached) {
          throw new TimeoutError(`request timed out after ${params.timeoutMs} ms (${attempts} attempt(s))`, {
            ...errorContext,
            retryable: true,
          });
        }
        if (params.signal?.aborted) throw abortedError(params.signal.reason, errorContext);
        const unsendable = params.findUnsendable?.();
        if (unsendable !== undefined) throw unsendable;
        failure = new NetworkError(`connection failed: ${describeCause(error, params.secrets)}`, {
          ...errorContext,
          cause: redactSecrets(causeSummary(error), params.secrets),
        });
        maybeSent = !isConnectFailure(error);
      }
    }

    const retriesLeft = replayable && attempts <= params.maxRetries;
    if (!failure.retryable || !retriesLeft) throw failure;
    if (params.onlyRetryUnsent === true && maybeSent) throw failure;
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs > MAX_RETRY_AFTER_MS) throw failure;
    if (params.maxAttempts !== undefined && (params.attemptsSpent?.() ?? attempts) >= params.maxAttempts) {
      throw noteAttemptBudgetSpent(failure, params.maxAttempts);
    }
    const delay =
      failure.retryAfterMs === undefined ? computeBackoffDelay(attempts - 1, params.random) : Math.max(MIN_RETRY_AFTER_MS, failure.retryAfterMs);
    if (Date.now() + delay >= deadline) throw failure;
    try {
      await sleep(delay, params.signal);
    } catch {
      throw abortedError(params.signal?.reason, errorContext);
    }
  }
}

/**
 * A 2xx body, whole, within `maxResponseBytes`. Past the bound, or when the connection breaks after
 * the headers, the call fails with a non-retryable `InvalidResponseError`: the provider has done
 * (and billed) the work, so sending again is not the client's call to make. A deadline or the
 * caller's abort during the read is left to the caller's catch, which names it.
 */
async function readSuccessBody(response: Response, controller: LinkedSignal, params: SendWithRetryParams): Promise<string> {
  const context = { status: response.status, provider: params.provider, model: params.model, retryable: false };
  const maxBytes = params.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let read: BoundedText;
  try {
    read = await readBoundedText(response, maxBytes);
  } catch (error) {
    if (controller.signal.aborted) throw error;
    throw new InvalidResponseError(
      `${params.provider ?? 'provider'} returned HTTP ${response.status} but its body broke off: ${describeCause(error, params.secrets)}`,
      { ...context, cause: redactSecrets(causeSummary(error), params.secrets) },
    );
  }
  if (!read.exceeded) return read.text;
  controller.abort(new Error('response body too large'));
  throw new InvalidResponseError(
    `${params.provider ?? 'provider'} returned HTTP ${response.status} with a body over maxResponseBytes (${maxBytes} bytes); reading stopped there`,
    context,
  );
}

/**
 * The first 64 KiB of an error body. The status decides the error; a body that breaks off is read
 * as far as it arrived (nothing, here), so a cut 503 is still a retryable 503.
 */
async function readErrorBody(response: Response, signal: AbortSignal): Promise<string> {
  try {
    return (await readBoundedText(response, MAX_ERROR_BODY_BYTES)).text;
  } catch (error) {
    if (signal.aborted) throw error;
    return '';
  }
}

function parseJsonBody(text: string, response: Response, params: SendWithRetryParams): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    throw new InvalidResponseError(
      `${params.provider ?? 'provider'} returned HTTP ${response.status} with a body that is not JSON`,
      { status: response.status, provider: params.provider, model: params.model, body: redactSecrets(text.slice(0, 2000), params.secrets) },
    );
  }
}

function parseMaybeJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 4000);
  }
}

function withRetryable(error: LiterLlmError, retryable: boolean): LiterLlmError {
  Object.defineProperty(error, 'retryable', { value: retryable });
  return error;
}

function abortedError(reason: unknown, context: { provider?: string | undefined; model?: string | undefined }): AbortedError {
  return new AbortedError('the call was aborted', { ...context, cause: reason });
}

function causeSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const code = cause instanceof Error ? (cause as Error & { code?: string }).code : undefined;
  return code === undefined ? error.message : `${error.message} (${code})`;
}

function describeCause(error: unknown, secrets: readonly string[]): string {
  return redactSecrets(causeSummary(error), secrets);
}
