// The smoke mock is the judge of every runtime's scenarios: these check that it can say no.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { SMOKE_BEDROCK, SMOKE_KEYS } from './smoke-fixtures.js';
import { startSmokeMock, type SmokeMock } from './start-smoke-mock.js';

let mock: SmokeMock;
beforeAll(async () => {
  mock = await startSmokeMock({ closeBoundMs: 300 });
});
afterAll(() => mock.close());

async function openEndlessStream(streamId: string): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const response = await fetch(`${mock.url}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SMOKE_KEYS.openai}`, 'content-type': 'application/json', 'x-smoke-stream-id': streamId },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [], stream: true }),
  });
  const reader = response.body!.getReader();
  await reader.read();
  await reader.read();
  return reader;
}

async function streamClosed(streamId: string): Promise<{ closed: boolean; reason?: string }> {
  return (await (await fetch(`${mock.url}/smoke/stream-closed?id=${streamId}`)).json()) as { closed: boolean; reason?: string };
}

describe('the runtime smoke mock', () => {
  it('sees an endless stream closed when the client cancels it', async () => {
    const reader = await openEndlessStream('cancelled');
    await reader.cancel();
    expect(await streamClosed('cancelled')).toMatchObject({ closed: true });
  });

  it('reports a stream the client keeps reading as still open', async () => {
    const reader = await openEndlessStream('kept-open');
    const verdict = await streamClosed('kept-open');
    await reader.cancel();
    expect(verdict).toEqual({ closed: false, reason: 'the request was still open 300 ms after the check began' });
  });

  it('refuses a Bedrock call whose SigV4 signature does not verify', async () => {
    const client = createClient({ maxRetries: 0, providers: { bedrock: { baseURL: `${mock.url}/bedrock`, aws: { ...SMOKE_BEDROCK, secretAccessKey: 'not-the-secret' } } } });
    const failure = await client.chat({ model: 'bedrock/amazon.nova-lite-v1:0', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 403, message: expect.stringContaining('the SigV4 signature does not verify') });
  });

  it('refuses a Bedrock call signed for another access key id', async () => {
    const client = createClient({ maxRetries: 0, providers: { bedrock: { baseURL: `${mock.url}/bedrock`, aws: { ...SMOKE_BEDROCK, accessKeyId: 'AKIAOTHERKEY00000000' } } } });
    const failure = await client.chat({ model: 'bedrock/amazon.nova-lite-v1:0', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 403, message: expect.stringContaining('does not name the access key id') });
  });

  it('refuses an OpenAI call without the key passed as an option', async () => {
    const response = await fetch(`${mock.url}/openai/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sk-other' }, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('answers a CORS preflight with the headers asked for', async () => {
    const response = await fetch(`${mock.url}/bedrock/model/x/converse`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,x-amz-date' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,x-amz-date');
  });
});
