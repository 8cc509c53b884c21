import { describe, expect, it } from 'vitest';
import { convertGeminiErrorResponse } from '../../../src/dialects/gemini/convert-gemini-error-response.js';
import {
  invalidApiKeyErrorBody,
  notFoundErrorBody,
  overloadedErrorEvent,
  permissionDeniedErrorBody,
  rateLimitErrorBody,
  tokenLimitErrorBody,
  unauthenticatedErrorBody,
  vertexTokenLimitErrorBody,
} from './gemini-fixtures.js';
import { createGeminiRoute } from './gemini-route.js';

const route = createGeminiRoute();

describe('convertGeminiErrorResponse', () => {
  it.each([
    ['RESOURCE_EXHAUSTED', 429, rateLimitErrorBody, 'RateLimited'],
    ['UNAUTHENTICATED', 401, unauthenticatedErrorBody, 'Authentication'],
    ['PERMISSION_DENIED', 403, permissionDeniedErrorBody, 'Authentication'],
    ['API_KEY_INVALID (a 400)', 400, invalidApiKeyErrorBody, 'Authentication'],
    ['token count (Gemini API)', 400, tokenLimitErrorBody, 'ContextWindowExceeded'],
    ['token count (Vertex AI)', 400, vertexTokenLimitErrorBody, 'ContextWindowExceeded'],
    ['NOT_FOUND', 404, notFoundErrorBody, 'NotFound'],
    ['UNAVAILABLE', 503, overloadedErrorEvent, 'ServiceUnavailable'],
  ] as const)('maps %s to %s', (_name, status, body, kind) => {
    const error = convertGeminiErrorResponse(status, body, route);
    expect(error).toMatchObject({ kind, status, provider: 'gemini', model: 'gemini-2.5-flash', body });
    expect(error.message).toContain(body.error.message);
  });

  it('reads RetryInfo.retryDelay as the retry hint', () => {
    expect(convertGeminiErrorResponse(429, rateLimitErrorBody, route)).toMatchObject({ retryAfterMs: 14_000, retryable: true });
    expect(convertGeminiErrorResponse(429, rateLimitErrorBody, route).message).toBe(
      'gemini: HTTP 429 RESOURCE_EXHAUSTED: You exceeded your current quota, please check your plan and billing details.',
    );
  });

  it('takes the status from the body when there is no HTTP status, and reads array-wrapped bodies', () => {
    expect(convertGeminiErrorResponse(undefined, [rateLimitErrorBody], route)).toMatchObject({ kind: 'RateLimited', status: 429 });
    expect(convertGeminiErrorResponse(undefined, { error: { message: 'boom' } }, route)).toMatchObject({ kind: 'ServerError', status: 500 });
  });

  it('falls back to the shared mapping for bodies that are not Google errors', () => {
    expect(convertGeminiErrorResponse(502, '<html>Bad gateway</html>', route)).toMatchObject({ kind: 'ServiceUnavailable', status: 502 });
    expect(convertGeminiErrorResponse(400, { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } }, route)).toMatchObject({
      kind: 'BadRequest',
    });
  });
});
