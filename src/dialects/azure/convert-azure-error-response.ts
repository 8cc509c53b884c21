import { createHttpError, createPayloadError, extractErrorMessage } from '../../errors/create-http-error.js';
import { ContentPolicyError, NotFoundError } from '../../errors/error-classes.js';
import type { LiterLlmError } from '../../errors/liter-llm-error.js';

export interface AzureErrorContext {
  readonly provider: string;
  readonly model: string;
}

/**
 * The Azure-specific readings of an Azure OpenAI error body
 * (`{ error: { code, message, param, status, innererror: { code, content_filter_result } } }`):
 * a prompt or completion blocked by the content filter, and a deployment that does not exist.
 * Undefined lets the shared status mapping decide (401, 429 with retry-after, context length...).
 */
export function convertAzureErrorResponse(status: number, body: unknown, context: AzureErrorContext): LiterLlmError | undefined {
  const error = readRecord(readRecord(body)?.error);
  const code = error?.code;
  const innerCode = readRecord(error?.innererror)?.code;
  const message = extractErrorMessage(body);
  const text = `${context.provider}: HTTP ${status}${message === '' ? '' : `: ${message}`}`;
  const options = { status, provider: context.provider, model: context.model, body };
  if (innerCode === 'ResponsibleAIPolicyViolation' || code === 'content_filter' || code === 'ResponsibleAIPolicyViolation') {
    return new ContentPolicyError(text, options);
  }
  if (code === 'DeploymentNotFound') {
    return new NotFoundError(`${text} (the deployment name is the part after "${context.provider}/" in the model string)`, options);
  }
  return undefined;
}

/**
 * An error object delivered inside a 200 (a stream event or a JSON body holding only `error`). Azure
 * puts the HTTP status in `error.status` or as a numeric string in `error.code`.
 */
export function convertAzureErrorPayload(payload: unknown, context: AzureErrorContext): LiterLlmError {
  const error = readRecord(readRecord(payload)?.error);
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

function readRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
