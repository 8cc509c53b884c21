import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAwsRequest } from '../../../src/dialects/bedrock/sign-aws-request.js';

// Cases of the AWS Signature Version 4 test suite (aws-sig-v4-test-suite, as shipped with the AWS
// SDKs' signature-v4 fixtures): service "service", region us-east-1, 2015-08-30T12:36:00Z, the
// suite's example credentials, host example.amazonaws.com.
const SUITE = {
  service: 'service',
  region: 'us-east-1',
  datetime: '20150830T123600Z',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
} as const;
const SCOPE = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';
const SESSION_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

const VECTORS = [
  {
    name: 'get-vanilla',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: {},
    body: undefined,
    expected: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
  },
  {
    name: 'post-vanilla',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: {},
    body: undefined,
    expected: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b`,
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET',
    url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1',
    headers: {},
    body: undefined,
    expected: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500`,
  },
  {
    name: 'post-x-www-form-urlencoded',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'Param1=value1',
    expected: `${SCOPE}, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a`,
  },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': ' value1', 'My-Header2': '"a   b   c"' },
    body: undefined,
    expected: `${SCOPE}, SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736`,
  },
  {
    name: 'get-header-value-order',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': 'value4,value1,value3,value2' },
    body: undefined,
    expected: `${SCOPE}, SignedHeaders=host;my-header1;x-amz-date, Signature=08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01`,
  },
] as const;

describe('signAwsRequest against the AWS SigV4 test suite', () => {
  it.each(VECTORS.map((vector) => [vector.name, vector] as const))('%s', async (_name, vector) => {
    const headers = await signAwsRequest({ ...SUITE, method: vector.method, url: vector.url, headers: vector.headers, body: vector.body });
    expect(headers.authorization).toBe(vector.expected);
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers['x-amz-security-token']).toBeUndefined();
  });

  it('post-sts-header-before: a session token is sent and signed', async () => {
    const headers = await signAwsRequest({
      ...SUITE,
      credentials: { ...SUITE.credentials, sessionToken: SESSION_TOKEN },
      method: 'POST',
      url: 'https://example.amazonaws.com/',
      headers: {},
      body: undefined,
    });
    expect(headers.authorization).toBe(
      `${SCOPE}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead`,
    );
    expect(headers['x-amz-security-token']).toBe(SESSION_TOKEN);
  });
});

// The same algorithm written out with node:crypto, for requests the suite has no case for.
function referenceSignature(canonicalRequest: string, datetime: string, region: string, service: string, secret: string): string {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();
  const date = datetime.slice(0, 8);
  const stringToSign = ['AWS4-HMAC-SHA256', datetime, `${date}/${region}/${service}/aws4_request`, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

describe('signAwsRequest for Bedrock', () => {
  const body = '{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}';
  const url = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse';
  const input = { ...SUITE, service: 'bedrock', method: 'POST', url, headers: {}, body };

  it('encodes the already-encoded model id once more in the canonical URI (%3A becomes %253A)', async () => {
    const headers = await signAwsRequest(input);
    const canonicalRequest = [
      'POST',
      '/model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse',
      '',
      'host:bedrock-runtime.us-east-1.amazonaws.com',
      'x-amz-date:20150830T123600Z',
      '',
      'host;x-amz-date',
      createHash('sha256').update(body).digest('hex'),
    ].join('\n');
    const signature = referenceSignature(canonicalRequest, '20150830T123600Z', 'us-east-1', 'bedrock', SUITE.credentials.secretAccessKey);
    expect(headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    );
  });

  it('an inference-profile ARN in the path is double-encoded too', async () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0';
    const arnUrl = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(arn)}/converse`;
    const headers = await signAwsRequest({ ...input, url: arnUrl });
    const canonicalRequest = [
      'POST',
      `/model/${encodeURIComponent(encodeURIComponent(arn))}/converse`,
      '',
      'host:bedrock-runtime.us-east-1.amazonaws.com',
      'x-amz-date:20150830T123600Z',
      '',
      'host;x-amz-date',
      createHash('sha256').update(body).digest('hex'),
    ].join('\n');
    expect(headers.authorization).toContain(
      `Signature=${referenceSignature(canonicalRequest, '20150830T123600Z', 'us-east-1', 'bedrock', SUITE.credentials.secretAccessKey)}`,
    );
  });

  it('signs the exact body: one changed byte changes the signature', async () => {
    const first = await signAwsRequest(input);
    const second = await signAwsRequest({ ...input, body: body.replace('Hi', 'Ho') });
    expect(first.authorization).not.toBe(second.authorization);
  });
});
