import { createHttpError, createPayloadError, extractErrorMessage } from '../../errors/create-http-error.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import { buildDialectError, describeHttpFailure, type DialectErrorTable, type ErrorOrigin } from '../shared/build-dialect-error.js';
import { isRecord } from '../shared/is-record.js';

export type AzureErrorContext = ErrorOrigin;

/**
 * The Azure-specific readings of an Azure OpenAI error body
 * (`{ error: { code, message, param, status, innererror: { code, content_filter_result } } }`):
 * a prompt or completion blocked by the content filter, and a deployment that does not exist.
 * Anything else is left to the shared status mapping (401, 429 with retry-after, context length...).
 */
export const AZURE_ERRORS = {
  rules: [
    { types: ['ResponsibleAIPolicyViolation', 'content_filter'], kind: 'ContentPolicy' },
    { types: ['DeploymentNotFound'], kind: 'NotFound', hint: '(the deployment name is the part after "{provider}/" in the model string)' },
  ],
  otherwise: 'none',
} satisfies DialectErrorTable;

/** The Azure reading of an error response; undefined lets the shared status mapping decide. */
export function convertAzureErrorResponse(status: number, body: unknown, context: AzureErrorContext): LiterLlmError | undefined {
  const error = readError(body);
  const innerCode = isRecord(error?.innererror) ? error.innererror.code : undefined;
  const message = extractErrorMessage(body);
  return buildDialectError(
    AZURE_ERRORS,
    { status, types: [asString(error?.code), asString(innerCode)], message, text: describeHttpFailure(context.provider, status, message), body },
    context,
  );
}

/**
 * An error object delivered inside a 200 (a stream event or a JSON body holding only `error`). Azure
 * puts the HTTP status in `error.status` or as a numeric string in `error.code`.
 */
export function convertAzureErrorPayload(payload: unknown, context: AzureErrorContext): LiterLlmError {
  const error = readError(payload);
  const code = error?.code;
  const status =
    typeof error?.status === 'number' ? error.status : typeof code === 'string' && /^[45]\d\d$/.test(code) ? Number(code) : undefined;
  // Without a status, OpenAI's error types (invalid_request_error, server_error, ...) decide it.
  const shared =
    status === undefined
      ? createPayloadError(payload, { ...context, secrets: [] })
      : createHttpError({ status, body: payload, ...context, secrets: [] });
  return convertAzureErrorResponse(status ?? shared.status ?? 500, payload, context) ?? shared;
}

function readError(body: unknown): Record<string, unknown> | undefined {
  const error = isRecord(body) ? body.error : undefined;
  return isRecord(error) ? error : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
