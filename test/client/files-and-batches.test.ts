import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderClient } from '../../src/core.js';
import { callInfo, createClient } from '../../src/index.js';
import { groqProvider } from '../../generated/providers/groq.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { parseMultipart, textFields } from '../support/parse-multipart.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const file = {
  id: 'file-abc',
  object: 'file',
  bytes: 12,
  created_at: 1711000000,
  filename: 'batch.jsonl',
  purpose: 'batch',
};
const batch = {
  id: 'batch-1',
  object: 'batch',
  endpoint: '/v1/chat/completions',
  input_file_id: 'file-abc',
  completion_window: '24h',
  status: 'validating',
  created_at: 1711000000,
  request_counts: { total: 0, completed: 0, failed: 0 },
};

const client = () =>
  createClient({
    providers: {
      openai: { baseURL: `${server.url}/openai/v1`, apiKey: 'sk-openai-test-key' },
      groq: { baseURL: `${server.url}/groq/v1`, apiKey: 'gsk-groq-test-key' },
    },
    maxRetries: 0,
  });

describe('files', () => {
  it('create uploads multipart with purpose, expiry in bracket notation and the file name', async () => {
    server.handle(sendJson(200, file));
    const created = await client().files.create({
      file: new TextEncoder().encode('{"custom_id":"1"}\n'),
      filename: 'batch.jsonl',
      purpose: 'batch',
      expires_after: { anchor: 'created_at', seconds: 86400 },
    });
    expect(created.id).toBe('file-abc');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/openai/v1/files' });
    expect(request?.headers.authorization).toBe('Bearer sk-openai-test-key');
    const parts = await parseMultipart(request as NonNullable<typeof request>);
    expect(textFields(parts)).toEqual([
      ['purpose', 'batch'],
      ['expires_after[anchor]', 'created_at'],
      ['expires_after[seconds]', '86400'],
    ]);
    expect(parts.at(-1)).toMatchObject({ name: 'file', filename: 'batch.jsonl', text: '{"custom_id":"1"}\n' });
    expect(callInfo(created)).toMatchObject({ operation: 'files.create', provider: 'openai', model: '' });
  });

  it('retrieve, delete and content address the file by its URL-encoded id', async () => {
    server.handle(sendJson(200, file));
    expect((await client().files.retrieve('file-abc')).filename).toBe('batch.jsonl');
    server.handle(sendJson(200, { id: 'file/x y', object: 'file', deleted: true }));
    expect((await client().files.delete('file/x y')).deleted).toBe(true);
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/jsonl' });
      response.end('{"a":1}\n{"a":2}\n');
    });
    const content = await client().files.content('file-abc');
    expect(content.contentType).toBe('application/jsonl');
    expect(await content.text()).toBe('{"a":1}\n{"a":2}\n');
    expect(callInfo(content).operation).toBe('files.content');
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ['GET', '/openai/v1/files/file-abc'],
      ['DELETE', '/openai/v1/files/file%2Fx%20y'],
      ['GET', '/openai/v1/files/file-abc/content'],
    ]);
  });

  it('list encodes the pagination parameters, leaving out the ones not given', async () => {
    server.handle(
      sendJson(200, { object: 'list', data: [file], has_more: true, first_id: 'file-abc', last_id: 'file-abc' }),
    );
    const page = await client().files.list({ after: 'file-abc&x=1', limit: 20, order: 'asc', purpose: 'fine-tune' });
    expect(page.has_more).toBe(true);
    const [request] = server.requests;
    expect(request?.path).toBe('/openai/v1/files');
    expect([...(request?.query.entries() ?? [])]).toEqual([
      ['after', 'file-abc&x=1'],
      ['limit', '20'],
      ['order', 'asc'],
      ['purpose', 'fine-tune'],
    ]);
    expect(request?.url).toBe('/openai/v1/files?after=file-abc%26x%3D1&limit=20&order=asc&purpose=fine-tune');
    await client().files.list();
    expect(server.requests[1]?.url).toBe('/openai/v1/files');
  });

  it('maps a missing file to NotFoundError', async () => {
    server.handle(sendJson(404, { error: { message: 'No such File object: file-x', type: 'invalid_request_error' } }));
    await expect(client().files.retrieve('file-x')).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      provider: 'openai',
    });
  });
});

describe('batches', () => {
  it('create posts JSON; retrieve, list and cancel use the batch paths', async () => {
    server.handle(sendJson(200, batch));
    const created = await client().batches.create({
      input_file_id: 'file-abc',
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { job: 'nightly' },
    });
    expect(created.status).toBe('validating');
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/openai/v1/batches',
      body: {
        input_file_id: 'file-abc',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        metadata: { job: 'nightly' },
      },
    });
    await client().batches.retrieve('batch-1');
    server.handle(sendJson(200, { ...batch, status: 'cancelling' }));
    expect((await client().batches.cancel('batch-1')).status).toBe('cancelling');
    server.handle(sendJson(200, { object: 'list', data: [batch], has_more: false }));
    const page = await client().batches.list({ after: 'batch-0', limit: 2 });
    expect(page.data.map((item) => item.id)).toEqual(['batch-1']);
    expect(server.requests.slice(1).map((request) => [request.method, request.url])).toEqual([
      ['GET', '/openai/v1/batches/batch-1'],
      ['POST', '/openai/v1/batches/batch-1/cancel'],
      ['GET', '/openai/v1/batches?after=batch-0&limit=2'],
    ]);
  });

  it('maps a cancel of a finished batch to BadRequestError', async () => {
    server.handle(
      sendJson(400, { error: { message: 'Batch is already in terminal state', type: 'invalid_request_error' } }),
    );
    await expect(client().batches.cancel('batch-1')).rejects.toMatchObject({ name: 'BadRequestError', status: 400 });
  });
});

describe('picking the provider of files, batches and stored responses', () => {
  it('defaults to openai and takes options.provider', async () => {
    server.handle(sendJson(200, { object: 'list', data: [] }));
    await client().files.list();
    await client().files.list({ limit: 1 }, { provider: 'groq' });
    await client().batches.list(undefined, { provider: 'groq', headers: { 'x-trace': 't1' } });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/openai/v1/files',
      '/groq/v1/files?limit=1',
      '/groq/v1/batches',
    ]);
    expect(server.requests[1]?.headers.authorization).toBe('Bearer gsk-groq-test-key');
    expect(server.requests[2]?.headers['x-trace']).toBe('t1');
  });

  it('goes to the gateway when the client has a baseURL', async () => {
    server.handle(sendJson(200, file));
    const gateway = createClient({ baseURL: `${server.url}/gw/v1`, apiKey: 'gateway-key-1234' });
    await gateway.files.retrieve('file-abc');
    await gateway.files.retrieve('file-abc', { provider: 'groq' });
    expect(server.requests.map((request) => request.path)).toEqual(['/gw/v1/files/file-abc', '/gw/v1/files/file-abc']);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer gateway-key-1234');
  });

  it('rejects an unknown provider, a provider without the endpoint, and a client without openai', async () => {
    await expect(client().files.list({}, { provider: 'gorq' as 'groq' })).rejects.toThrow(
      /unknown provider "gorq"; did you mean "groq"/,
    );
    await expect(client().batches.list({}, { provider: 'mistral' })).rejects.toMatchObject({
      name: 'EndpointNotSupportedError',
      message: 'mistral does not serve the batches endpoint',
    });
    const onlyGroq = createProviderClient([groqProvider], { apiKeys: { groq: 'gsk-groq-test-key' } });
    await expect(onlyGroq.files.list()).rejects.toThrow(
      /files\.list needs options\.provider: this client has no gateway baseURL and no "openai" provider/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('a per-provider client sends to its own provider', async () => {
    server.handle(sendJson(200, batch));
    await client().provider('groq').batches.retrieve('batch-1');
    expect(server.requests[0]?.url).toBe('/groq/v1/batches/batch-1');
  });
});
