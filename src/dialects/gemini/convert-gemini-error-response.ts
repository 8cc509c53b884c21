import { createHttpError } from '../../errors/create-http-error.js';
import { AuthenticationError, ContextWindowExceededError, RateLimitedError } from '../../errors/error-classes.js';
import type { LiterLlmError, LiterLlmErrorOptions } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

// Gemini API: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."
// Vertex AI: "Unable to submit request because the input token count is 1200000 but model only supports up to 1048576."
const TOKEN_LIMIT = /input token count|maximum number of tokens allowed|only supports up to \d+|context (?:window|length)|too many tokens/i;
// The Gemini API answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID.
const BAD_KEY = /API[_ ]KEY[_ ](?:INVALID|EXPIRED)|API key not valid|API key expired/i;

interface GoogleError {
  readonly code: number | undefined;
  readonly message: string;
  readonly status: string;
  readonly details: ReadonlyArray<Record<string, unknown>>;
}

/**
 * A Google error body (`{ error: { code, message, status, details } }`, sometimes wrapped in an
 * array) as a typed error. The canonical `status` decides where the HTTP status is too coarse:
 * RESOURCE_EXHAUSTED is a rate limit (with `RetryInfo.retryDelay` as the retry hint),
 * UNAUTHENTICATED / PERMISSION_DENIED / an invalid API key are authentication errors, and an
 * invalid argument about the token count is a context-window error. The rest follows the shared
 * status mapping. Without an HTTP status (an error inside a 200 body or a stream event) the body's
 * `code` stands in for it.
 */
export function convertGeminiErrorResponse(httpStatus: number | undefined, body: unknown, route: ResolvedRoute): LiterLlmError {
  const error = readGoogleError(body);
  const status = httpStatus ?? (error?.code !== undefined && error.code >= 400 && error.code < 600 ? error.code : 500);
  const retryAfterMs = readRetryDelay(error?.details ?? []);
  const context = { provider: route.provider.id, model: route.model };
  if (error === undefined) return createHttpError({ status, body, ...context, retryAfterMs, secrets: [] });

  const options: LiterLlmErrorOptions = { status, ...context, retryAfterMs, body };
  const message = `${route.provider.id}: HTTP ${status}${error.status === '' ? '' : ` ${error.status}`}: ${error.message}`;
  const reasons = error.details.map((detail) => String(detail.reason ?? '')).join(' ');
  if (error.status === 'RESOURCE_EXHAUSTED' || status === 429) return new RateLimitedError(message, options);
  if (error.status === 'UNAUTHENTICATED' || error.status === 'PERMISSION_DENIED' || BAD_KEY.test(`${reasons} ${error.message}`)) {
    return new AuthenticationError(message, options);
  }
  if ((error.status === 'INVALID_ARGUMENT' || error.status === 'FAILED_PRECONDITION' || error.status === 'OUT_OF_RANGE' || status === 400) && TOKEN_LIMIT.test(error.message)) {
    return new ContextWindowExceededError(message, options);
  }
  return createHttpError({ status, body, ...context, retryAfterMs, secrets: [] });
}

function readGoogleError(body: unknown): GoogleError | undefined {
  const record = Array.isArray(body) ? body[0] : body;
  if (record === null || typeof record !== 'object') return undefined;
  const error = (record as Record<string, unknown>).error;
  if (error === null || typeof error !== 'object') return undefined;
  const fields = error as Record<string, unknown>;
  return {
    code: typeof fields.code === 'number' ? fields.code : undefined,
    message: typeof fields.message === 'string' ? fields.message : '',
    status: typeof fields.status === 'string' ? fields.status : '',
    details: Array.isArray(fields.details) ? fields.details.filter((detail): detail is Record<string, unknown> => detail !== null && typeof detail === 'object') : [],
  };
}

/** `google.rpc.RetryInfo.retryDelay` ("14s", "0.5s") in milliseconds. */
function readRetryDelay(details: ReadonlyArray<Record<string, unknown>>): number | undefined {
  for (const detail of details) {
    if (!String(detail['@type'] ?? '').endsWith('google.rpc.RetryInfo')) continue;
    const match = /^(\d+(?:\.\d+)?)s$/.exec(String(detail.retryDelay ?? ''));
    if (match !== null) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}
