import { isLiterLlmError, type LiterLlmError } from '../../src/index.js';
import { redactSecrets } from '../../src/errors/redact-secrets.js';

/** The error types of Anthropic's error bodies (https://docs.anthropic.com/en/api/errors). */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

export interface AnthropicErrorResponse {
  status: number;
  body: { type: 'error'; error: { type: AnthropicErrorType; message: string } };
  /** `retry-after` (whole seconds) when the error says when to try again. */
  headers?: Record<string, string>;
}

export interface ToAnthropicErrorOptions {
  /**
   * Where the error came from. `upstream` (the default: an error of an SDK call) turns an
   * Authentication error into a 502 `api_error`, because it means the provider refused the
   * gateway's own key, not the client's; `gateway` (the gateway's own check of the client's key)
   * keeps it a 401 `authentication_error` (403 `permission_error` for a 403).
   */
  readonly source?: 'upstream' | 'gateway';
  /** Values scrubbed from the message besides the SDK's own redaction (e.g. the master key). */
  readonly secrets?: readonly string[];
}

/**
 * Any error of a gateway call as Anthropic's error JSON and HTTP status, by the SDK's error kind:
 * bad requests (context window and content policy included) 400 `invalid_request_error`, 413
 * `request_too_large`, not found 404, rate limits and budgets 429 `rate_limit_error`, timeouts 504
 * `timeout_error`, unavailable upstreams and cooldowns `overloaded_error` (the upstream's 502/503/504,
 * else Anthropic's 529), server errors `api_error` (the upstream's 5xx, else 500), broken or
 * unreadable upstream answers 502 `api_error`. Other upstream 4xx statuses are kept. An error that
 * is not the SDK's gets a generic 500 message, since its text was never checked for secrets.
 */
export function toAnthropicError(error: unknown, options: ToAnthropicErrorOptions = {}): AnthropicErrorResponse {
  if (!isLiterLlmError(error)) return respond(500, 'api_error', 'the gateway failed to handle the request', options);
  const status = error.status;
  const message = error.message;
  switch (error.kind) {
    case 'BadRequest':
    case 'ContextWindowExceeded':
    case 'ContentPolicy':
    case 'HookRejected':
    case 'EndpointNotSupported': {
      const kept = status !== undefined && status >= 400 && status < 500 ? status : 400;
      return respond(kept, kept === 413 ? 'request_too_large' : 'invalid_request_error', message, options);
    }
    case 'NotFound':
      return respond(404, 'not_found_error', message, options);
    case 'Authentication':
      if (options.source === 'gateway') {
        return status === 403 ? respond(403, 'permission_error', message, options) : respond(401, 'authentication_error', message, options);
      }
      // The upstream's own message may quote part of the gateway's key: it is not passed on.
      return respond(502, 'api_error', `the upstream provider${error.provider ? ` ${error.provider}` : ''} refused the gateway's credentials`, options);
    case 'RateLimited':
    case 'BudgetExceeded':
      return withRetryAfter(respond(429, 'rate_limit_error', message, options), error);
    case 'Timeout':
      return respond(status === 408 ? 408 : 504, 'timeout_error', message, options);
    case 'ServiceUnavailable':
    case 'StoreUnavailable':
      return withRetryAfter(respond(status === 502 || status === 503 || status === 504 ? status : 529, 'overloaded_error', message, options), error);
    case 'ServerError':
      return respond(status !== undefined && status >= 500 && status < 600 ? status : 500, 'api_error', message, options);
    case 'Network':
    case 'Stream':
    case 'InvalidResponse':
      return respond(502, 'api_error', message, options);
    case 'Configuration':
      return respond(500, 'api_error', message, options);
    case 'Aborted':
      // The client went away; nobody reads this answer, but logs and metrics see its status.
      return respond(499, 'invalid_request_error', message, options);
    default: {
      const unknown: never = error.kind;
      return respond(500, 'api_error', `unexpected error kind ${String(unknown)}`, options);
    }
  }
}

function respond(status: number, type: AnthropicErrorType, message: string, options: ToAnthropicErrorOptions): AnthropicErrorResponse {
  const text = options.secrets === undefined ? message : redactSecrets(message, options.secrets);
  return { status, body: { type: 'error', error: { type, message: text } } };
}

function withRetryAfter(response: AnthropicErrorResponse, error: LiterLlmError): AnthropicErrorResponse {
  const ms = error.retryAfterMs;
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return response;
  return { ...response, headers: { 'retry-after': String(Math.ceil(ms / 1000)) } };
}
