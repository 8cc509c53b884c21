import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, isLiterLlmError, ResponseStream, type ResponseStreamEvent } from '../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (options: { timeoutMs?: number } = {}) =>
  createClient({
    providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-openai-test-key' } },
    maxRetries: 0,
    ...options,
  });

const final = {
  id: 'resp_1',
  object: 'response',
  created_at: 1711000000,
  status: 'completed',
  model: 'gpt-4o',
  output: [{ type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text: 'Hello!' }] }],
  usage: { input_tokens: 5, output_tokens: 2, total_tokens: 7 },
};

function events(...payloads: unknown[]): string {
  return payloads
    .map((payload) => `event: ${(payload as { type: string }).type}\ndata: ${JSON.stringify(payload)}\n\n`)
    .join('');
}

const created = {
  type: 'response.created',
  sequence_number: 0,
  response: { ...final, status: 'in_progress', output: [], usage: null },
};
const delta = (text: string, sequence: number) => ({
  type: 'response.output_text.delta',
  sequence_number: sequence,
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  delta: text,
});
const completed = { type: 'response.completed', sequence_number: 9, response: final };

describe('responses', () => {
  it('create posts to /responses and returns the response, with usage in callInfo', async () => {
    server.handle(sendJson(200, final));
    const response = await client().responses.create({
      model: 'openai/gpt-4o',
      input: 'Hi',
      instructions: 'Be brief',
      store: false,
    });
    expect(response.output?.[0]?.content?.[0]?.text).toBe('Hello!');
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/responses',
      body: { model: 'gpt-4o', input: 'Hi', instructions: 'Be brief', store: false },
    });
    expect(server.requests[0]?.headers.accept).toBe('application/json');
    expect(callInfo(response)).toMatchObject({
      operation: 'responses.create',
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    });
  });

  it('retrieve and cancel address the response by id', async () => {
    server.handle(sendJson(200, { ...final, status: 'cancelled' }));
    expect((await client().responses.retrieve('resp_1')).status).toBe('cancelled');
    expect((await client().responses.cancel('resp_1', { provider: 'openai' })).status).toBe('cancelled');
    expect(server.requests.map((request) => [request.method, request.path])).toEqual([
      ['GET', '/v1/responses/resp_1'],
      ['POST', '/v1/responses/resp_1/cancel'],
    ]);
  });

  it('keeps a failed response as data (it is a valid response)', async () => {
    server.handle(
      sendJson(200, { ...final, status: 'failed', output: [], error: { code: 'server_error', message: 'boom' } }),
    );
    const response = await client().responses.retrieve('resp_1');
    expect(response.error?.message).toBe('boom');
  });

  it('maps a missing response to NotFoundError', async () => {
    server.handle(sendJson(404, { error: { message: 'No such Response object', type: 'invalid_request_error' } }));
    await expect(client().responses.retrieve('resp_x')).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });
});

describe('streamed responses', () => {
  it('yields typed events in order, asks for SSE, and completes callInfo at the end', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(events(created, delta('Hel', 1), delta('lo!', 2), completed));
    });
    const stream = client().responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true });
    expect(stream).toBeInstanceOf(ResponseStream);
    expect(server.requests).toHaveLength(0);
    const seen: ResponseStreamEvent[] = [];
    for await (const event of stream) seen.push(event);
    expect(seen.map((event) => event.type)).toEqual([
      'response.created',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.completed',
    ]);
    expect(
      seen
        .filter((event) => event.type === 'response.output_text.delta')
        .map((event) => event.delta)
        .join(''),
    ).toBe('Hello!');
    expect(server.requests[0]?.body).toEqual({ model: 'gpt-4o', input: 'Hi', stream: true });
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');
    expect(callInfo(stream)).toMatchObject({
      operation: 'responses.createStream',
      complete: true,
      usage: { total_tokens: 7 },
    });
    expect(callInfo(stream).firstChunkMs).toBeGreaterThanOrEqual(0);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/ResponseStream can be iterated only once/);
  });

  it('finalResponse returns the response of the terminal event', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(events(created, delta('Hello!', 1), completed));
    });
    const response = await client()
      .responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true })
      .finalResponse();
    expect(response).toEqual(final);
  });

  it('throws StreamError with the text so far when the stream ends before a terminal event', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(events(created, delta('Half an ', 1), delta('answ', 2)));
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of client().responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true }))
        seen.push(event.type);
    })().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(seen).toHaveLength(3);
    expect(isLiterLlmError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'StreamError', partialContent: 'Half an answ', provider: 'openai' });
    expect(String((error as Error).message)).toMatch(/ended before response\.completed.*truncated/);
  });

  it('throws the typed error of an error event', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        events(created, {
          type: 'error',
          sequence_number: 1,
          code: 'rate_limit_exceeded',
          message: 'Slow down',
          param: null,
        }),
      );
    });
    const stream = client().responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true });
    await expect(stream.toArray()).rejects.toMatchObject({
      name: 'RateLimitedError',
      message: 'openai: HTTP 429: Slow down',
    });
  });

  it('throws StreamError for an event that is not JSON', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: {not json\n\n');
    });
    await expect(
      client().responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true }).toArray(),
    ).rejects.toMatchObject({
      name: 'StreamError',
    });
  });

  it('break cancels the HTTP request', async () => {
    let closed = false;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(events(created, delta('a', 1)));
      response.on('close', () => {
        closed = true;
      });
    });
    for await (const event of client().responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true })) {
      expect(event.type).toBe('response.created');
      break;
    }
    await expect.poll(() => closed).toBe(true);
  });

  it('the call signal aborts a stream in progress', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(events(created));
    });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of client().responses.create(
        { model: 'openai/gpt-4o', input: 'Hi', stream: true },
        { signal: controller.signal },
      )) {
        seen.push(event.type);
        controller.abort(new Error('user left'));
      }
    })().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(seen).toEqual(['response.created']);
    expect(error).toMatchObject({ name: 'AbortedError', provider: 'openai' });
  });

  it('times out a silent stream', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(events(created));
    });
    const stream = client({ timeoutMs: 300 }).responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true });
    await expect(stream.toArray()).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('maps an HTTP error before the stream opens', async () => {
    server.handle(sendJson(401, { error: { message: 'bad key', code: 'invalid_api_key' } }));
    const stream = client().responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true });
    await expect(stream.toArray()).rejects.toMatchObject({ name: 'AuthenticationError', status: 401 });
  });
});
