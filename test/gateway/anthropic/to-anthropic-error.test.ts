import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ConfigurationError,
  ContentPolicyError,
  ContextWindowExceededError,
  EndpointNotSupportedError,
  HookRejectedError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  StoreUnavailableError,
  StreamError,
  TimeoutError,
} from '../../../src/index.js';
import { toAnthropicError } from '../../../gateway/anthropic/to-anthropic-error.js';

const statusAndType = (error: unknown, source?: 'upstream' | 'gateway') => {
  const { status, body } = toAnthropicError(error, source === undefined ? {} : { source });
  return [status, body.error.type];
};

describe('toAnthropicError', () => {
  it('answers Anthropic error JSON with the message of the error', () => {
    expect(toAnthropicError(new BadRequestError('messages[0].content: must not be empty'))).toEqual({
      status: 400,
      body: { type: 'error', error: { type: 'invalid_request_error', message: 'messages[0].content: must not be empty' } },
    });
  });

  it.each([
    [new BadRequestError('x'), 400, 'invalid_request_error'],
    [new BadRequestError('x', { status: 422 }), 422, 'invalid_request_error'],
    [new BadRequestError('x', { status: 413 }), 413, 'request_too_large'],
    [new BadRequestError('x', { status: 500 }), 400, 'invalid_request_error'],
    [new ContextWindowExceededError('prompt is too long'), 400, 'invalid_request_error'],
    [new ContentPolicyError('x', { status: 400 }), 400, 'invalid_request_error'],
    [new HookRejectedError('x'), 400, 'invalid_request_error'],
    [new EndpointNotSupportedError('x'), 400, 'invalid_request_error'],
    [new NotFoundError('x', { status: 404 }), 404, 'not_found_error'],
    [new RateLimitedError('x', { status: 429 }), 429, 'rate_limit_error'],
    [new BudgetExceededError('x'), 429, 'rate_limit_error'],
    [new TimeoutError('x'), 504, 'timeout_error'],
    [new TimeoutError('x', { status: 408 }), 408, 'timeout_error'],
    [new ServiceUnavailableError('x', { status: 503 }), 503, 'overloaded_error'],
    [new ServiceUnavailableError('x', { status: 502 }), 502, 'overloaded_error'],
    [new ServiceUnavailableError('x'), 529, 'overloaded_error'],
    [new StoreUnavailableError('x'), 529, 'overloaded_error'],
    [new ServerError('x', { status: 500 }), 500, 'api_error'],
    [new ServerError('x', { status: 501 }), 501, 'api_error'],
    [new ServerError('x'), 500, 'api_error'],
    [new NetworkError('x'), 502, 'api_error'],
    [new StreamError('x'), 502, 'api_error'],
    [new InvalidResponseError('x'), 502, 'api_error'],
    [new ConfigurationError('x'), 500, 'api_error'],
    [new AbortedError('x'), 499, 'invalid_request_error'],
  ])('%s -> %i %s', (error, status, type) => {
    expect(statusAndType(error)).toEqual([status, type]);
  });

  it('answers an upstream authentication failure as 502 without the upstream message, and the gateway own as 401/403', () => {
    const upstream = new AuthenticationError('invalid x-api-key sk-ant-abc...xyz', { status: 401, provider: 'anthropic' });
    expect(toAnthropicError(upstream)).toEqual({
      status: 502,
      body: { type: 'error', error: { type: 'api_error', message: "the upstream provider anthropic refused the gateway's credentials" } },
    });
    expect(statusAndType(new AuthenticationError('forbidden', { status: 403 }))).toEqual([502, 'api_error']);
    expect(statusAndType(new AuthenticationError('missing key'), 'gateway')).toEqual([401, 'authentication_error']);
    expect(statusAndType(new AuthenticationError('not allowed', { status: 403 }), 'gateway')).toEqual([403, 'permission_error']);
  });

  it('adds retry-after in whole seconds to rate limits and overloads that know it', () => {
    expect(toAnthropicError(new RateLimitedError('x', { retryAfterMs: 1500 })).headers).toEqual({ 'retry-after': '2' });
    expect(toAnthropicError(new ServiceUnavailableError('x', { retryAfterMs: 0 })).headers).toEqual({ 'retry-after': '0' });
    expect(toAnthropicError(new RateLimitedError('x')).headers).toBeUndefined();
  });

  it('never passes on the text of an error that is not the SDK own, and scrubs given secrets', () => {
    expect(toAnthropicError(new TypeError('cannot read sk-live-secret-value'))).toEqual({
      status: 500,
      body: { type: 'error', error: { type: 'api_error', message: 'the gateway failed to handle the request' } },
    });
    expect(toAnthropicError('a string')).toMatchObject({ status: 500 });
    const leaked = toAnthropicError(new BadRequestError('bad key master-key-0123456789'), { secrets: ['master-key-0123456789'] });
    expect(leaked.body.error.message).toBe('bad key [REDACTED]');
  });
});
