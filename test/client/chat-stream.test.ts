import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, isLiterLlmError, type ChatCompletionChunk } from '../../src/index.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../support/mock-server.js';
import { quirkyProvider } from '../support/custom-providers.js';

let server: MockServer;
const messages = [{ role: 'user' as const, content: 'Count' }];
const usage = { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 };

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function client(timeoutMs?: number) {
  return createClient({
    customProviders: [quirkyProvider(server.url)],
    apiKeys: { quirky: 'quirky-secret-key' },
    providers: { vllm: { baseURL: server.url } },
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function failure(stream: AsyncIterable<ChatCompletionChunk>): Promise<Record<string, unknown>> {
  const error = await collect(stream).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error)).toBe(true);
  return error as Record<string, unknown>;
}

const text = (chunks: ChatCompletionChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');

describe('chatStream', () => {
  it('yields OpenAI chunks and completes callInfo with usage', async () => {
    server.handle(sendSse([chatChunk('1 '), chatChunk('2 '), chatChunk('3', 'stop'), { ...chatChunk(undefined), choices: [], usage }]));
    const stream = client().chatStream({ model: 'quirky/quirk-large', messages });
    expect(callInfo(stream).complete).toBe(false);
    const chunks = await collect(stream);
    expect(text(chunks)).toBe('1 2 3');
    expect(callInfo(stream)).toMatchObject({ provider: 'quirky', model: 'quirk-large', attempts: 1, complete: true, usage });
    expect(callInfo(stream).firstChunkMs).toBeGreaterThanOrEqual(0);
  });

  it('asks for usage only where the registry says the provider accepts it', async () => {
    server.handle(sendSse([chatChunk('x', 'stop')]));
    await collect(client().chatStream({ model: 'quirky/quirk-large', messages }));
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');

    const noUsage = createClient({ customProviders: [{ ...quirkyProvider(server.url), quirks: {} }], apiKeys: { quirky: 'quirky-secret-key' } });
    await collect(noUsage.chatStream({ model: 'quirky/quirk-large', messages }));
    expect(server.requests[1]?.body).toMatchObject({ stream: true });
    expect((server.requests[1]?.body as Record<string, unknown>).stream_options).toBeUndefined();
  });

  it('does not start the request until iteration and can be iterated only once', async () => {
    server.handle(sendSse([chatChunk('x', 'stop')]));
    const stream = client().chatStream({ model: 'quirky/quirk-large', messages });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(0);
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('accepts a stream that ends after a finish reason without [DONE]', async () => {
    server.handle(sendSse([chatChunk('a'), chatChunk('b', 'stop')], { done: false }));
    expect(text(await collect(client().chatStream({ model: 'quirky/quirk-large', messages })))).toBe('ab');
  });

  it('throws StreamError with the partial content when the stream is cut', async () => {
    server.handle(sendSse([chatChunk('Hello, '), chatChunk('wor')], { done: false }));
    const error = await failure(client().chatStream({ model: 'quirky/quirk-large', messages }));
    expect(error).toMatchObject({ kind: 'Stream', name: 'StreamError', partialContent: 'Hello, wor' });
    expect(String(error.message)).toContain('truncated');
  });

  it('throws StreamError when the connection drops mid-stream', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(chatChunk('partial'))}\n\n`);
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const error = await failure(client().chatStream({ model: 'quirky/quirk-large', messages }));
    expect(error).toMatchObject({ kind: 'Stream', partialContent: 'partial' });
  });

  it('throws a typed error for an SSE error payload', async () => {
    server.handle(sendSse([chatChunk('a'), { error: { message: 'Rate limit reached', type: 'rate_limit_error' } }]));
    const error = await failure(client().chatStream({ model: 'quirky/quirk-large', messages }));
    expect(error).toMatchObject({ kind: 'RateLimited', provider: 'quirky' });
  });

  it('throws StreamError for malformed data', async () => {
    server.handle(sendSse(['{not json']));
    expect((await failure(client().chatStream({ model: 'quirky/quirk-large', messages }))).kind).toBe('Stream');
  });

  it('maps an HTTP error before the stream to its kind', async () => {
    server.handle(sendJson(401, { error: { message: 'bad key' } }));
    const error = await failure(client().chatStream({ model: 'quirky/quirk-large', messages }));
    expect(error).toMatchObject({ kind: 'Authentication', status: 401 });
  });

  it('cancels the HTTP request when the consumer breaks', async () => {
    let closed = false;
    server.handle((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      let sent = 0;
      const timer = setInterval(() => {
        sent += 1;
        response.write(`data: ${JSON.stringify(chatChunk(`${sent} `))}\n\n`);
      }, 5);
      response.on('close', () => {
        closed = true;
        clearInterval(timer);
      });
      void request;
    });
    const stream = client().chatStream({ model: 'quirky/quirk-large', messages });
    let seen = 0;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      seen += 1;
      if (seen === 2) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    expect(callInfo(stream).complete).toBe(true);
  });

  it('cancels the HTTP request when the signal aborts', async () => {
    let closed = false;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(chatChunk('first'))}\n\n`);
      response.on('close', () => {
        closed = true;
      });
    });
    const controller = new AbortController();
    const stream = client().chatStream({ model: 'quirky/quirk-large', messages }, { signal: controller.signal });
    const error = await (async () => {
      try {
        for await (const chunk of stream) {
          expect(chunk.choices[0]?.delta?.content).toBe('first');
          controller.abort();
        }
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ kind: 'Aborted', name: 'AbortedError' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
  });

  it('gives up on a silent stream after timeoutMs', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(chatChunk('hello'))}\n\n`);
    });
    const error = await failure(client(300).chatStream({ model: 'quirky/quirk-large', messages }));
    expect(error.kind).toBe('Timeout');
  });

  it('retries before the first byte, never after', async () => {
    let calls = 0;
    server.handle((request, response) => {
      calls += 1;
      if (calls === 1) return sendJson(503, { error: { message: 'busy' } }, { 'retry-after-ms': '1' })(request, response);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(chatChunk('half'))}\n\n`);
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const stream = client().chatStream({ model: 'quirky/quirk-large', messages });
    expect((await failure(stream)).kind).toBe('Stream');
    expect(calls).toBe(2);
    expect(callInfo(stream).attempts).toBe(2);
  });

  it('handles multiple choices and stops reading at [DONE]', async () => {
    const two = (a: string, b: string, finish: string | null = null) => ({
      ...chatChunk(undefined),
      choices: [
        { index: 0, delta: { content: a }, finish_reason: finish },
        { index: 1, delta: { content: b }, finish_reason: finish },
      ],
    });
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: ${JSON.stringify(two('Hi', 'Hey'))}\n\ndata: ${JSON.stringify(two('!', '?', 'stop'))}\n\ndata: [DONE]\n\ndata: ${JSON.stringify(two('late', 'late'))}\n\n`);
    });
    const chunks = await collect(client().chatStream({ model: 'quirky/quirk-large', messages }));
    expect(chunks).toHaveLength(2);
    expect(chunks.map((chunk) => chunk.choices[1]?.delta?.content).join('')).toBe('Hey?');
  });
});

describe('chat through the same client', () => {
  it('still answers unary calls', async () => {
    server.handle(sendJson(200, chatResponse('fine')));
    const reply = await client().chat({ model: 'quirky/quirk-large', messages });
    expect(reply.choices[0]?.message.content).toBe('fine');
  });
});

describe('a server that ignores stream: true', () => {
  it('replays its JSON completion as a chunk stream', async () => {
    server.handle(sendJson(200, chatResponse('whole answer', { usage })));
    const stream = client().chatStream({ model: 'quirky/quirk-large', messages });
    const chunks = await collect(stream);
    expect(text(chunks)).toBe('whole answer');
    expect(chunks.at(-1)?.usage ?? chunks.find((chunk) => chunk.usage)?.usage).toEqual(usage);
    expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason === 'stop')).toBe(true);
    expect(callInfo(stream)).toMatchObject({ complete: true, usage });
  });

  it('throws StreamError when that JSON does not parse', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"choices": [');
    });
    expect((await failure(client().chatStream({ model: 'quirky/quirk-large', messages }))).kind).toBe('Stream');
  });
});
