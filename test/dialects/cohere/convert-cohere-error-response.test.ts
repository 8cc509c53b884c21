import { describe, expect, it } from 'vitest';
import { convertCohereErrorResponse } from '../../../src/dialects/cohere/convert-cohere-error-response.js';
import { errors } from './cohere-fixtures.js';

const context = { provider: 'cohere', model: 'command-a-03-2025' };

describe('convertCohereErrorResponse', () => {
  it.each([
    [498, errors.invalidToken, 'Authentication'],
    [401, errors.invalidToken, 'Authentication'],
    [429, errors.trialKey, 'RateLimited'],
    [400, errors.promptTooLong, 'ContextWindowExceeded'],
    [400, errors.maxTokensTooHigh, 'BadRequest'],
    [400, errors.badRequest, 'BadRequest'],
    [400, { message: 'blocked output: please adjust your prompt and try again' }, 'ContentPolicy'],
    [404, { message: "model 'command-x' not found, make sure the correct model ID was used" }, 'NotFound'],
    [500, { message: 'internal server error, this has been reported to our developers' }, 'ServerError'],
    [503, { message: 'service unavailable' }, 'ServiceUnavailable'],
  ])('HTTP %i %j -> %s', (status, body, kind) => {
    const error = convertCohereErrorResponse(status, body, context);
    expect(error).toMatchObject({ kind, status, provider: 'cohere', model: 'command-a-03-2025', body });
    expect(error.message).toContain(`cohere: HTTP ${status}: ${body.message}`);
  });

  it('makes 429 retryable and 498 not', () => {
    expect(convertCohereErrorResponse(429, errors.trialKey, context).retryable).toBe(true);
    expect(convertCohereErrorResponse(498, errors.invalidToken, context).retryable).toBe(false);
  });
});
