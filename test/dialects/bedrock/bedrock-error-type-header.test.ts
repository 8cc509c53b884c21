import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';
import { BEDROCK_TEST_CREDENTIALS } from './bedrock-cases.js';

describe('Bedrock error type from the x-amzn-errortype header', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  const call = () =>
    createClient({ providers: { bedrock: { baseURL: server.url, aws: { ...BEDROCK_TEST_CREDENTIALS } } }, maxRetries: 0 })
      .chat({ model: 'bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0', messages: [{ role: 'user', content: 'Hi' }] })
      .then(
        () => undefined,
        (error: unknown) => error as { kind: string; status: number },
      );

  it('reads the type from the header when the body has none', async () => {
    server.handle(
      sendJson(400, { message: 'Too many tokens, please wait before trying again.' }, {
        'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
      }),
    );
    expect(await call()).toMatchObject({ kind: 'RateLimited', status: 400 });
  });

  it('falls back to the status without the header', async () => {
    server.handle(sendJson(400, { message: 'Malformed input request' }));
    expect(await call()).toMatchObject({ kind: 'BadRequest', status: 400 });
  });
});
