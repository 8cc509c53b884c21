import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { createBedrockError } from './create-bedrock-error.js';

/**
 * A non-2xx Bedrock response. Bedrock's body is `{"message": "..."}` (`Message` from the AWS
 * front door) and the error type travels in the `x-amzn-errortype` header; a `__type` in the body
 * stands in when the header is absent, otherwise the HTTP status and the message decide.
 */
export function convertBedrockErrorResponse(status: number, body: unknown, route: ResolvedRoute, headers?: Headers): LiterLlmError {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const rawMessage = typeof body === 'string' ? body : (record.message ?? record.Message);
  const message = typeof rawMessage === 'string' ? rawMessage.slice(0, 2000) : '';
  return createBedrockError({ type: parseErrorType(headers?.get('x-amzn-errortype') ?? record.__type ?? record.code), status, message, body, origin: `HTTP ${status}` }, route);
}

/** `com.amazon.coral.service#ExpiredTokenException` or `ValidationException:http://...` to the bare name. */
function parseErrorType(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.split('#').pop()?.split(':')[0];
}
