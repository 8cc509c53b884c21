import { describe, expect, it } from 'vitest';
import { convertBedrockErrorResponse } from '../../../src/dialects/bedrock/convert-bedrock-error-response.js';
import { bedrockRoute } from './bedrock-route.js';

const route = bedrockRoute();

describe('convertBedrockErrorResponse', () => {
  it.each([
    [400, { message: 'Input is too long for requested model.' }, 'ContextWindowExceeded'],
    [400, { message: 'prompt is too long: 215000 tokens > 200000 maximum' }, 'ContextWindowExceeded'],
    [400, { message: 'The model returned the following errors: Too many input tokens. Max input tokens: 8192' }, 'ContextWindowExceeded'],
    [400, { message: 'Output blocked by content filtering policy' }, 'ContentPolicy'],
    [400, { message: 'Malformed input request: #: required key [messages] not found' }, 'BadRequest'],
    [403, { message: 'You don\'t have access to the model with the specified model ID.' }, 'Authentication'],
    [403, { Message: 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: bedrock:InvokeModel' }, 'Authentication'],
    [404, { message: 'The provided model identifier is invalid.' }, 'NotFound'],
    [408, { message: 'Model has timed out in processing the request.' }, 'Timeout'],
    [424, { message: 'The model returned an error.' }, 'ServerError'],
    [429, { message: 'Too many tokens, please wait before trying again.' }, 'RateLimited'],
    [429, { message: 'Model is not ready for inference. Wait and try your request again.' }, 'ServiceUnavailable'],
    [500, { message: 'The server encountered an internal error.' }, 'ServerError'],
    [503, { message: 'Bedrock is unable to process your request.' }, 'ServiceUnavailable'],
    [400, { __type: 'com.amazon.coral.service#ExpiredTokenException', message: 'The security token included in the request is expired' }, 'Authentication'],
    [400, { __type: 'ServiceQuotaExceededException:http://internal.amazon.com/coral/com.amazon.bedrock/', message: 'quota' }, 'RateLimited'],
  ])('HTTP %i %j -> %s', (status, body, kind) => {
    const error = convertBedrockErrorResponse(status, body, route);
    expect(error).toMatchObject({ kind, status, provider: 'bedrock', model: 'anthropic.claude-3-5-sonnet-20240620-v1:0', body });
    const text = (body as { message?: string; Message?: string }).message ?? (body as { Message?: string }).Message ?? '';
    expect(error.message).toContain(text);
  });

  it('copes with a non-JSON body', () => {
    const error = convertBedrockErrorResponse(502, '<html>Bad Gateway</html>', route);
    expect(error).toMatchObject({ kind: 'ServiceUnavailable', status: 502 });
    expect(error.message).toContain('Bad Gateway');
  });
});
