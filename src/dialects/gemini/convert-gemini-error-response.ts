import { extractErrorMessage } from '../../errors/create-http-error.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { buildDialectError, describeHttpFailure, type DialectErrorTable } from '../shared/build-dialect-error.js';
import { isRecord } from '../shared/is-record.js';

// Gemini API: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."
// Vertex AI: "Unable to submit request because the input token count is 1200000 but model only supports up to 1048576."
const TOKEN_LIMIT = /input token count|maximum number of tokens allowed|only supports up to \d+|context (?:window|length)|too many tokens/i;
// The Gemini API answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID.
const BAD_KEY = /API[_ ]KEY[_ ](?:INVALID|EXPIRED)|API key not valid|API key expired/i;

/**
 * Google's errors (`{ error: { code, message, status, details } }`). The canonical `status` (and
 * the `reason` of each detail) decide where the HTTP status is too coarse: RESOURCE_EXHAUSTED is a
 * rate limit (with `RetryInfo.retryDelay` as the retry hint), UNAUTHENTICATED / PERMISSION_DENIED /
 * an invalid API key are authentication errors, and an invalid argument about the token count is
 * a context-window error. The rest follows the shared status mapping.
 */
export const GEMINI_ERRORS = {
  rules: [
    { types: ['RESOURCE_EXHAUSTED'], kind: 'RateLimited' },
    { statuses: [429], kind: 'RateLimited' },
    { types: ['UNAUTHENTICATED', 'PERMISSION_DENIED', 'API_KEY_INVALID', 'API_KEY_EXPIRED'], kind: 'Authentication' },
    { message: BAD_KEY, kind: 'Authentication' },
    { types: ['INVALID_ARGUMENT', 'FAILED_PRECONDITION', 'OUT_OF_RANGE'], message: TOKEN_LIMIT, kind: 'ContextWindowExceeded' },
    { statuses: [400], message: TOKEN_LIMIT, kind: 'ContextWindowExceeded' },
  ],
  otherwise: 'shared',
} satisfies DialectErrorTable;

interface GoogleError {
  readonly code: number | undefined;
  readonly message: string;
  readonly status: string;
  readonly details: ReadonlyArray<Record<string, unknown>>;
}

/**
 * A Google error body (sometimes wrapped in an array) as a typed error. Without an HTTP status (an
 * error inside a 200 body or a stream event) the body's `code` stands in for it.
 */
export function convertGeminiErrorResponse(httpStatus: number | undefined, body: unknown, route: ResolvedRoute): LiterLlmError {
  const error = readGoogleError(body);
  const status = httpStatus ?? (error?.code !== undefined && error.code >= 400 && error.code < 600 ? error.code : 500);
  const origin = { provider: route.provider.id, model: route.model };
  const retryAfterMs = readRetryDelay(error?.details ?? []);
  if (error === undefined) {
    const message = extractErrorMessage(body);
    return buildDialectError(GEMINI_ERRORS, { status, types: [], message: '', text: describeHttpFailure(origin.provider, status, message), body, retryAfterMs }, origin);
  }
  const text = `${origin.provider}: HTTP ${status}${error.status === '' ? '' : ` ${error.status}`}: ${error.message}`;
  const reasons = error.details.map((detail) => String(detail.reason ?? ''));
  return buildDialectError(GEMINI_ERRORS, { status, types: [error.status, ...reasons], message: error.message, text, body, retryAfterMs }, origin);
}

function readGoogleError(body: unknown): GoogleError | undefined {
  const record = Array.isArray(body) ? body[0] : body;
  const error = isRecord(record) ? record.error : undefined;
  if (!isRecord(error)) return undefined;
  return {
    code: typeof error.code === 'number' ? error.code : undefined,
    message: typeof error.message === 'string' ? error.message : '',
    status: typeof error.status === 'string' ? error.status : '',
    details: Array.isArray(error.details) ? error.details.filter(isRecord) : [],
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
