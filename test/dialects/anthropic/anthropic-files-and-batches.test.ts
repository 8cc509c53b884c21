// Anthropic's Files API and Message Batches behind client.files and client.batches, in Anthropic's
// wire format against a loopback server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BadRequestError, callInfo, createClient } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer, type RecordedRequest } from '../../support/mock-server.js';
import { parseMultipart, textFields } from '../../support/parse-multipart.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () =>
  createClient({
    providers: { anthropic: { baseURL: `${server.url}/v1`, apiKey: 'sk-ant-test-key-0123' } },
    maxRetries: 0,
  });
const anthropic = { provider: 'anthropic' } as const;
const lastRequest = (): RecordedRequest => {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('no request reached the mock');
  return request;
};

const fileMetadata = {
  id: 'file_011CNha8iCJcU1wXNR6q4V8w',
  type: 'file',
  filename: 'notes.pdf',
  mime_type: 'application/pdf',
  size_bytes: 102400,
  created_at: '2025-04-15T18:37:24.100435Z',
  downloadable: false,
};
const messageBatch = {
  id: 'msgbatch_013Zva2CMHLNnXjNJJKqJ2EF',
  type: 'message_batch',
  processing_status: 'in_progress',
  request_counts: { processing: 2, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
  ended_at: null,
  created_at: '2024-09-24T18:37:24.100435Z',
  expires_at: '2024-09-25T18:37:24.100435Z',
  archived_at: null,
  cancel_initiated_at: null,
  results_url: null,
};
const created = Date.parse('2024-09-24T18:37:24Z') / 1000;

function expectAnthropicHeaders(request: RecordedRequest, beta: string | undefined): void {
  expect(request.headers['x-api-key']).toBe('sk-ant-test-key-0123');
  expect(request.headers['anthropic-version']).toBe('2023-06-01');
  expect(request.headers['anthropic-beta']).toBe(beta);
}

describe('anthropic files (Files API beta)', () => {
  it('create uploads the file part alone, with the beta header, and reports what Anthropic has no place for', async () => {
    server.handle(sendJson(200, fileMetadata));
    const file = await client().files.create(
      { file: new TextEncoder().encode('%PDF-1.4'), filename: 'notes.pdf', purpose: 'user_data', expires_after: { anchor: 'created_at', seconds: 60 } },
      anthropic,
    );
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/v1/files' });
    expectAnthropicHeaders(request, 'files-api-2025-04-14');
    const parts = await parseMultipart(request);
    expect(textFields(parts)).toEqual([]);
    expect(parts.at(-1)).toMatchObject({ name: 'file', filename: 'notes.pdf', text: '%PDF-1.4' });
    // Bytes go typed from the name: Anthropic records the part's type as the file's mime_type.
    expect(request.bodyText).toMatch(/filename="notes\.pdf"\r\nContent-Type: application\/pdf\r\n/);
    expect(file).toEqual({
      id: 'file_011CNha8iCJcU1wXNR6q4V8w',
      object: 'file',
      bytes: 102400,
      created_at: Date.parse('2025-04-15T18:37:24Z') / 1000,
      filename: 'notes.pdf',
      mime_type: 'application/pdf',
      downloadable: false,
    });
    expect(callInfo(file).warnings).toEqual([
      'dropped "purpose": Anthropic files have no purpose',
      'dropped "expires_after": Anthropic files do not expire',
    ]);
  });

  it('retrieve, list, delete and content', async () => {
    server.handle(sendJson(200, fileMetadata));
    expect((await client().files.retrieve('file_01', anthropic)).bytes).toBe(102400);
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/files/file_01' });
    expectAnthropicHeaders(lastRequest(), 'files-api-2025-04-14');

    server.handle(sendJson(200, { data: [fileMetadata], has_more: true, first_id: 'file_a', last_id: 'file_b' }));
    const page = await client().files.list({ after: 'file_0', limit: 5, order: 'asc' }, anthropic);
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/files?after_id=file_0&limit=5' });
    expect(page).toMatchObject({ object: 'list', has_more: true, first_id: 'file_a', last_id: 'file_b' });
    expect(page.data[0]).toMatchObject({ id: fileMetadata.id, object: 'file', bytes: 102400 });
    expect(callInfo(page).warnings).toEqual(['dropped "order": Anthropic lists files newest first']);

    server.handle(sendJson(200, { id: 'file_01', type: 'file_deleted' }));
    expect(await client().files.delete('file_01', anthropic)).toEqual({ id: 'file_01', object: 'file', deleted: true });
    expect(lastRequest()).toMatchObject({ method: 'DELETE', url: '/v1/files/file_01' });

    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('made by code execution');
    });
    const content = await client().files.content('file_01', anthropic);
    expect(await content.text()).toBe('made by code execution');
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/files/file_01/content' });
    expectAnthropicHeaders(lastRequest(), 'files-api-2025-04-14');
  });

  it('keeps a configured anthropic-beta beside the files beta', async () => {
    server.handle(sendJson(200, fileMetadata));
    const configured = createClient({
      providers: { anthropic: { baseURL: `${server.url}/v1`, apiKey: 'sk-ant-test-key-0123', headers: { 'anthropic-beta': 'context-1m-2025-08-07' } } },
      maxRetries: 0,
    });
    await configured.files.retrieve('file_01', anthropic);
    expect(lastRequest().headers['anthropic-beta']).toBe('context-1m-2025-08-07,files-api-2025-04-14');
  });

  it('maps an Anthropic error body through the dialect', async () => {
    server.handle(sendJson(404, { type: 'error', error: { type: 'not_found_error', message: 'File not found' } }));
    await expect(client().files.retrieve('file_missing', anthropic)).rejects.toMatchObject({ kind: 'NotFound', provider: 'anthropic' });
  });
});

describe('anthropic message batches', () => {
  it('create converts OpenAI-shaped bodies like chat calls and sends native params unchanged', async () => {
    server.handle(sendJson(200, messageBatch));
    const batch = await client().batches.create(
      {
        requests: [
          {
            custom_id: 'first',
            body: {
              model: 'anthropic/claude-sonnet-4-5',
              messages: [
                { role: 'system', content: 'Be brief.' },
                { role: 'user', content: 'Hi' },
              ],
              max_tokens: 100,
              seed: 7,
            },
          },
          {
            custom_id: 'second',
            body: {
              model: 'claude-haiku-4-5',
              messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file_01' } }] }],
            },
          },
          { custom_id: 'third', params: { model: 'claude-opus-4-1', max_tokens: 10, messages: [{ role: 'user', content: 'Yo' }] } },
        ],
      },
      anthropic,
    );
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages/batches' });
    expectAnthropicHeaders(request, 'files-api-2025-04-14');
    expect(request.body).toEqual({
      requests: [
        {
          custom_id: 'first',
          params: { model: 'claude-sonnet-4-5', max_tokens: 100, system: [{ type: 'text', text: 'Be brief.' }], messages: [{ role: 'user', content: 'Hi' }] },
        },
        {
          custom_id: 'second',
          params: {
            model: 'claude-haiku-4-5',
            max_tokens: 64000,
            messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'file', file_id: 'file_01' } }] }],
          },
        },
        { custom_id: 'third', params: { model: 'claude-opus-4-1', max_tokens: 10, messages: [{ role: 'user', content: 'Yo' }] } },
      ],
    });
    expect(callInfo(batch).warnings).toEqual(['first: dropped "seed": the provider does not accept it']);
    expect(batch).toEqual({
      id: 'msgbatch_013Zva2CMHLNnXjNJJKqJ2EF',
      object: 'batch',
      endpoint: '/v1/messages',
      completion_window: '24h',
      status: 'in_progress',
      created_at: created,
      in_progress_at: created,
      expires_at: created + 86400,
      completed_at: null,
      cancelling_at: null,
      cancelled_at: null,
      archived_at: null,
      request_counts: { total: 2, completed: 0, failed: 0, processing: 2, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      results_url: null,
    });
  });

  it('retrieve, list and cancel map the batch states', async () => {
    const ended = {
      ...messageBatch,
      processing_status: 'ended',
      ended_at: '2024-09-24T19:37:24Z',
      request_counts: { processing: 0, succeeded: 5, errored: 1, canceled: 0, expired: 2 },
      results_url: 'https://api.anthropic.com/v1/messages/batches/msgbatch_01/results',
    };
    server.handle(sendJson(200, ended));
    const done = await client().batches.retrieve('msgbatch_01', anthropic);
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/messages/batches/msgbatch_01' });
    expectAnthropicHeaders(lastRequest(), undefined);
    expect(done).toMatchObject({
      status: 'completed',
      completed_at: created + 3600,
      request_counts: { total: 8, completed: 5, failed: 3 },
      results_url: 'https://api.anthropic.com/v1/messages/batches/msgbatch_01/results',
    });

    server.handle(sendJson(200, { data: [ended, { ...ended, cancel_initiated_at: '2024-09-24T19:00:00Z' }], has_more: false, first_id: 'a', last_id: 'b' }));
    const page = await client().batches.list({ after: 'msgbatch_00', limit: 2 }, anthropic);
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/messages/batches?after_id=msgbatch_00&limit=2' });
    expect(page.data.map((batch) => batch.status)).toEqual(['completed', 'cancelled']);
    expect(page.data[1]).toMatchObject({ cancelled_at: created + 3600, completed_at: null, cancelling_at: created + 1356 });

    server.handle(sendJson(200, { ...messageBatch, processing_status: 'canceling', cancel_initiated_at: '2024-09-24T19:00:00Z' }));
    expect((await client().batches.cancel('msgbatch_01', anthropic)).status).toBe('cancelling');
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/v1/messages/batches/msgbatch_01/cancel' });
  });

  it.each([
    ['an input_file_id', { input_file_id: 'file-1', endpoint: '/v1/chat/completions', completion_window: '24h' }, /requests is required for anthropic/],
    ['neither body nor params', { requests: [{ custom_id: 'a' }] }, /requests\[0\] must have exactly one of body .* or params/],
    ['both body and params', { requests: [{ custom_id: 'a', params: {}, body: { model: 'claude-x', messages: [] } }] }, /requests\[0\] must have exactly one/],
    ['a body that is not a chat request', { requests: [{ custom_id: 'a', body: { model: 'claude-x' } }] }, /requests\[0\]\.body: .*messages/],
    ['a streamed body', { requests: [{ custom_id: 'a', body: { model: 'claude-x', messages: [{ role: 'user', content: 'x' }], stream: true } }] }, /requests\[0\]\.body\.stream/],
    ['no custom_id', { requests: [{ body: { model: 'claude-x', messages: [] } }] }, /requests\[0\] must have required property "custom_id"/],
    ['an empty list', { requests: [] }, /requests must NOT have fewer than 1 items/],
  ])('create refuses %s with a BadRequestError naming the field, sending nothing', async (_name, request, message) => {
    const error = await client().batches.create(request as never, anthropic).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('an OpenAI-format provider refuses inline requests, naming the field', async () => {
    const openai = createClient({ providers: { openai: { baseURL: `${server.url}/openai/v1`, apiKey: 'sk-openai-test' } }, maxRetries: 0 });
    const error = await openai.batches.create({ requests: [{ custom_id: 'a', params: {} }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/requests \(inline\) are served by the anthropic dialect/);
    expect(server.requests).toHaveLength(0);
  });
});
