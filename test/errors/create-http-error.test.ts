import { describe, expect, it } from 'vitest';
import { createHttpError, createPayloadError } from '../../src/errors/create-http-error.js';

const kindOf = (status: number, body: unknown = { error: { message: 'nope' } }) =>
  createHttpError({ status, body, provider: 'openai', secrets: [] }).kind;

describe('createHttpError', () => {
  it('maps statuses to kinds', () => {
    expect(kindOf(401)).toBe('Authentication');
    expect(kindOf(403)).toBe('Authentication');
    expect(kindOf(429)).toBe('RateLimited');
    expect(kindOf(400)).toBe('BadRequest');
    expect(kindOf(422)).toBe('BadRequest');
    expect(kindOf(404)).toBe('NotFound');
    expect(kindOf(408)).toBe('Timeout');
    expect(kindOf(500)).toBe('ServerError');
    expect(kindOf(502)).toBe('ServiceUnavailable');
    expect(kindOf(503)).toBe('ServiceUnavailable');
    expect(kindOf(504)).toBe('ServiceUnavailable');
  });

  it('marks the retryable statuses', () => {
    const retryable = (status: number) => createHttpError({ status, body: null, secrets: [] }).retryable;
    expect([408, 409, 429, 500, 502, 503, 504].map(retryable)).toEqual([true, true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 422].map(retryable)).toEqual([false, false, false, false, false]);
  });

  it('detects context-window errors from provider bodies', () => {
    expect(kindOf(400, { error: { message: "This model's maximum context length is 8192 tokens", code: 'context_length_exceeded' } })).toBe('ContextWindowExceeded');
    expect(kindOf(400, { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' } })).toBe('ContextWindowExceeded');
    expect(kindOf(413, 'Request Entity Too Large')).toBe('ContextWindowExceeded');
  });

  it('detects content-policy errors from provider bodies', () => {
    expect(kindOf(400, { error: { message: 'Your request was rejected as a result of our safety system.', code: 'content_policy_violation' } })).toBe('ContentPolicy');
    expect(kindOf(400, { error: { message: 'The response was filtered due to the prompt triggering content management policy', code: 'content_filter' } })).toBe('ContentPolicy');
    expect(kindOf(403, { error: { message: 'Your chosen model requires moderation and your input was flagged' } })).toBe('Authentication');
    expect(kindOf(400, { error: { message: 'Your input was flagged for violence' } })).toBe('ContentPolicy');
  });

  it('does not take a moderation model name for a content-policy refusal', () => {
    expect(kindOf(400, { error: { message: "The model 'omni-moderation-2099' does not exist.", code: 'model_not_found' } })).toBe('BadRequest');
  });

  it('keeps status, provider, model, retryAfterMs and the raw body', () => {
    const body = { error: { message: 'slow down', type: 'rate_limit' } };
    const error = createHttpError({ status: 429, body, provider: 'groq', model: 'llama', retryAfterMs: 1200, secrets: [] });
    expect(error).toMatchObject({ name: 'RateLimitedError', status: 429, provider: 'groq', model: 'llama', retryAfterMs: 1200, body });
    expect(error.message).toBe('groq: HTTP 429: slow down');
  });

  it('reads string error bodies', () => {
    expect(createHttpError({ status: 500, body: { error: 'boom' }, secrets: [] }).message).toBe('HTTP 500: boom');
    expect(createHttpError({ status: 500, body: 'plain text', secrets: [] }).message).toBe('HTTP 500: plain text');
  });
});

describe('createPayloadError', () => {
  it('derives the kind from the payload type or code', () => {
    const context = { secrets: [] };
    expect(createPayloadError({ error: { type: 'rate_limit_error', message: 'x' } }, context).kind).toBe('RateLimited');
    expect(createPayloadError({ error: { type: 'overloaded_error', message: 'x' } }, context).kind).toBe('ServiceUnavailable');
    expect(createPayloadError({ error: { code: 401, message: 'x' } }, context).kind).toBe('Authentication');
    expect(createPayloadError({ error: { message: 'x' } }, context).kind).toBe('ServerError');
  });
});
