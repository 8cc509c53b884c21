import { describe, expect, it } from 'vitest';
import { convertAzureErrorPayload, convertAzureErrorResponse } from '../../../src/dialects/azure/convert-azure-error-response.js';
import { errors } from './azure-fixtures.js';

const context = { provider: 'azure', model: 'gpt-4o-prod' };

describe('convertAzureErrorResponse', () => {
  it('reads a prompt blocked by the content filter as a content-policy error', () => {
    const error = convertAzureErrorResponse(400, errors.promptFiltered, context);
    expect(error).toMatchObject({ kind: 'ContentPolicy', status: 400, provider: 'azure', body: errors.promptFiltered, retryable: false });
    expect(error?.message).toContain("content management policy");
  });

  it('reads ResponsibleAIPolicyViolation alone as a content-policy error too', () => {
    const body = { error: { code: 'BadRequest', message: 'blocked', innererror: { code: 'ResponsibleAIPolicyViolation' } } };
    expect(convertAzureErrorResponse(400, body, context)?.kind).toBe('ContentPolicy');
  });

  it('reads DeploymentNotFound as not found, saying where the deployment name comes from', () => {
    const error = convertAzureErrorResponse(404, errors.deploymentNotFound, context);
    expect(error).toMatchObject({ kind: 'NotFound', status: 404 });
    expect(error?.message).toContain('the part after "azure/"');
  });

  it('leaves other bodies to the shared status mapping', () => {
    expect(convertAzureErrorResponse(401, errors.invalidKey, context)).toBeUndefined();
    expect(convertAzureErrorResponse(429, errors.rateLimited, context)).toBeUndefined();
    expect(convertAzureErrorResponse(400, errors.contextLength, context)).toBeUndefined();
  });
});

describe('convertAzureErrorPayload', () => {
  it.each([
    [errors.promptFiltered, 'ContentPolicy', 400],
    [errors.rateLimited, 'RateLimited', 429],
    [errors.invalidKey, 'Authentication', 401],
    [errors.contextLength, 'ContextWindowExceeded', 400],
    [errors.serverError, 'ServerError', 500],
  ])('%#: takes the status from error.status, a numeric code, or the error type', (payload, kind, status) => {
    const error = convertAzureErrorPayload(payload, context);
    expect(error).toMatchObject({ kind, status, provider: 'azure', model: 'gpt-4o-prod' });
  });
});
