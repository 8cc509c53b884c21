import { describe, expect, it } from 'vitest';
import { convertAnthropicErrorEvent } from '../../../src/dialects/anthropic/convert-anthropic-error-event.js';
import { convertAnthropicErrorResponse } from '../../../src/dialects/anthropic/convert-anthropic-error-response.js';
import { errorBody } from './anthropic-fixtures.js';
import { createAnthropicTestRoute } from './anthropic-test-route.js';

const route = createAnthropicTestRoute();

describe('convertAnthropicErrorResponse', () => {
  it.each([
    [400, 'invalid_request_error', 'messages: roles must alternate between "user" and "assistant"', 'BadRequest'],
    [401, 'authentication_error', 'invalid x-api-key', 'Authentication'],
    [402, 'billing_error', 'Your credit balance is too low', 'BadRequest'],
    [403, 'permission_error', 'Your API key does not have permission to use the specified resource.', 'Authentication'],
    [404, 'not_found_error', 'The requested resource could not be found.', 'NotFound'],
    [413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.', 'ContextWindowExceeded'],
    [429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', 'RateLimited'],
    [500, 'api_error', 'Internal server error', 'ServerError'],
    [504, 'timeout_error', 'Request timed out', 'ServiceUnavailable'],
    [529, 'overloaded_error', 'Overloaded', 'ServiceUnavailable'],
  ])('maps HTTP %i %s to %s', (status, type, message, kind) => {
    const error = convertAnthropicErrorResponse(status, errorBody(type, message), route);
    expect(error).toMatchObject({ kind, status, provider: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(error.message).toBe(`anthropic: HTTP ${status}: ${message}`);
    expect(error.body).toEqual(errorBody(type, message));
  });

  it('reads "prompt is too long" as a context window error', () => {
    const error = convertAnthropicErrorResponse(400, errorBody('invalid_request_error', 'prompt is too long: 208310 tokens > 200000 maximum'), route);
    expect(error.kind).toBe('ContextWindowExceeded');
  });

  it('makes an overloaded 529 retryable', () => {
    expect(convertAnthropicErrorResponse(529, errorBody('overloaded_error', 'Overloaded'), route).retryable).toBe(true);
    expect(convertAnthropicErrorResponse(529, 'upstream busy', route).kind).toBe('ServiceUnavailable');
  });
});

describe('convertAnthropicErrorEvent', () => {
  it('derives the kind from error.type when there is no HTTP status', () => {
    expect(convertAnthropicErrorEvent(errorBody('rate_limit_error', 'slow down'), route)).toMatchObject({ kind: 'RateLimited', status: 429 });
    expect(convertAnthropicErrorEvent(errorBody('overloaded_error', 'Overloaded'), route)).toMatchObject({ kind: 'ServiceUnavailable', status: 529 });
    expect(convertAnthropicErrorEvent(errorBody('something_new', '?'), route)).toMatchObject({ kind: 'ServerError', status: 500 });
  });
});
