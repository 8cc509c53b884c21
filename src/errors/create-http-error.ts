import {
  AuthenticationError,
  BadRequestError,
  ContentPolicyError,
  ContextWindowExceededError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
} from './error-classes.js';
import type { ErrorKind, LiterLlmError, LiterLlmErrorOptions } from './liter-llm-error.js';
import { redactSecrets } from './redact-secrets.js';

export interface HttpErrorDetails {
  readonly status: number;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  /** Configured keys, scrubbed from the message and body. */
  readonly secrets: readonly string[];
}

const CONTEXT_WINDOW =
  /context[_ ]length[_ ]exceeded|context[_ ]window|maximum context length|too many tokens|prompt is too long|input is too long|exceeds? the (?:model'?s? )?(?:maximum|max)(?: context)?|reduce the length of the messages|string_above_max_length/i;
const CONTENT_POLICY =
  /content[_ ]policy|content[_ ]filter|safety system|responsible ?ai|flagged as (?:unsafe|inappropriate)|(?:input|prompt|request|content) (?:was )?flagged|flagged by (?:our |the )?moderation|harmful content|blocked by (?:our|the) safety/i;

/** The single place where an HTTP status and a provider error body become an error kind. */
export function createHttpError(details: HttpErrorDetails): LiterLlmError {
  const body = redactSecrets(details.body, details.secrets);
  const providerMessage = redactSecrets(extractErrorMessage(body), details.secrets);
  const where = details.provider === undefined ? '' : `${details.provider}: `;
  const message = `${where}HTTP ${details.status}${providerMessage ? `: ${providerMessage}` : ''}`;
  const options: LiterLlmErrorOptions = {
    status: details.status,
    provider: details.provider,
    model: details.model,
    retryAfterMs: details.retryAfterMs,
    body,
  };
  const kind = classifyHttpStatus(details.status, `${extractErrorCode(body)} ${providerMessage}`);
  return new HTTP_ERROR_CLASSES[kind](message, kind === 'BadRequest' ? { ...options, retryable: details.status === 409 } : options);
}

/** The kinds an HTTP failure can be, with their classes. */
export const HTTP_ERROR_CLASSES = {
  Authentication: AuthenticationError,
  RateLimited: RateLimitedError,
  Timeout: TimeoutError,
  NotFound: NotFoundError,
  ContextWindowExceeded: ContextWindowExceededError,
  ContentPolicy: ContentPolicyError,
  ServiceUnavailable: ServiceUnavailableError,
  ServerError,
  BadRequest: BadRequestError,
} as const satisfies Partial<Record<ErrorKind, new (message: string, options?: LiterLlmErrorOptions) => LiterLlmError>>;

export type HttpErrorKind = keyof typeof HTTP_ERROR_CLASSES;

/**
 * The shared status mapping: the error kind for an HTTP status, `signature` (the provider's error
 * code, type and message) telling context-window and content-policy refusals from other 4xx. A
 * BadRequest is retryable for 409 only (conflicts, often lock contention).
 */
export function classifyHttpStatus(status: number, signature: string): HttpErrorKind {
  if (status === 401 || status === 403) return 'Authentication';
  if (status === 429) return 'RateLimited';
  if (status === 408) return 'Timeout';
  if (status === 404) return 'NotFound';
  if (status === 413 || (status >= 400 && status < 500 && CONTEXT_WINDOW.test(signature))) return 'ContextWindowExceeded';
  if (status >= 400 && status < 500 && CONTENT_POLICY.test(signature)) return 'ContentPolicy';
  if (status === 502 || status === 503 || status === 504) return 'ServiceUnavailable';
  if (status >= 500) return 'ServerError';
  return 'BadRequest';
}

/** The human message inside the many error body shapes providers use. */
export function extractErrorMessage(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 500);
  if (body === null || typeof body !== 'object') return '';
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return error;
  if (error !== null && typeof error === 'object') {
    const inner = (error as Record<string, unknown>).message;
    if (typeof inner === 'string') return inner;
  }
  for (const key of ['message', 'detail', 'error_message', 'msg']) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return '';
}

function extractErrorCode(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const error = (body as Record<string, unknown>).error;
  const source = error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : (body as Record<string, unknown>);
  return [source.code, source.type].filter((part) => typeof part === 'string').join(' ');
}

const STATUS_BY_ERROR_TYPE: Readonly<Record<string, number>> = {
  authentication_error: 401,
  permission_error: 403,
  permission_denied: 403,
  invalid_api_key: 401,
  not_found_error: 404,
  rate_limit_error: 429,
  rate_limit_exceeded: 429,
  insufficient_quota: 429,
  invalid_request_error: 400,
  request_too_large: 413,
  overloaded_error: 503,
  service_unavailable: 503,
  timeout: 408,
  server_error: 500,
  api_error: 500,
};

/**
 * An error delivered inside a 200 response: an SSE `error` event, or a JSON body holding only
 * `error`. The HTTP status says nothing, so the kind comes from the payload's code or type.
 */
export function createPayloadError(
  body: unknown,
  context: { provider?: string | undefined; model?: string | undefined; secrets: readonly string[] },
): LiterLlmError {
  const error = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).error : undefined;
  const fields = error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  const numeric = [fields.status, fields.code].find(
    (value): value is number => typeof value === 'number' && value >= 400 && value < 600,
  );
  const named = [fields.type, fields.code].find(
    (value): value is string => typeof value === 'string' && STATUS_BY_ERROR_TYPE[value] !== undefined,
  );
  const status = numeric ?? (named === undefined ? 500 : (STATUS_BY_ERROR_TYPE[named] as number));
  return createHttpError({ status, body, ...context });
}
