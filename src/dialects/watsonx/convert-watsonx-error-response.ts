import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import { buildDialectError, describeHttpFailure, type DialectErrorTable, type ErrorOrigin } from '../shared/build-dialect-error.js';
import { isRecord } from '../shared/is-record.js';

const PROMPT_TOO_LONG = /context length|context window|maximum sequence length|exceeds the (?:maximum|token) limit/i;

/**
 * watsonx.ai's errors: `{ errors: [{ code, message, more_info }], trace, status_code }`
 * (https://cloud.ibm.com/apidocs/watsonx-ai#error-handling); an expired or bad token is
 * `authentication_token_expired` / `authorization_rejected`, the rest follow the status.
 */
export const WATSONX_ERRORS = {
  rules: [
    { types: ['authentication_token_expired', 'authorization_rejected'], kind: 'Authentication' },
    { types: ['token_quota_reached'], kind: 'RateLimited' },
    { statuses: 'client', message: PROMPT_TOO_LONG, kind: 'ContextWindowExceeded' },
  ],
  otherwise: 'status',
} satisfies DialectErrorTable;

/** The first of watsonx's `errors`, or nothing when the body is not watsonx's error shape. */
export function readWatsonxError(body: unknown): { readonly code: string | undefined; readonly message: string } | undefined {
  const first = isRecord(body) && Array.isArray(body.errors) ? (body.errors[0] as unknown) : undefined;
  if (!isRecord(first)) return undefined;
  return {
    code: typeof first.code === 'string' ? first.code : undefined,
    message: typeof first.message === 'string' ? first.message : '',
  };
}

/** A watsonx error response as a typed error (the shared mapping when the body is not watsonx's). */
export function convertWatsonxErrorResponse(status: number, body: unknown, origin: ErrorOrigin): LiterLlmError | undefined {
  const error = readWatsonxError(body);
  if (error === undefined) return undefined;
  return buildDialectError(
    WATSONX_ERRORS,
    { status, types: [error.code], message: error.message, text: describeHttpFailure(origin.provider, status, error.message), body },
    origin,
  );
}
