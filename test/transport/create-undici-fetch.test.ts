import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, Pool } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isLiterLlmError, type ChatCompletionChunk } from '../../src/index.js';
import { createUndiciFetch } from '../../src/undici-entry.js';
import { chatChunk, chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { parseMultipart, textFields } from '../support/parse-multipart.js';

let server: MockServer;
let other: MockServer;
const transport = createUndiciFetch();
const messages = [{ role: 'user' as const, content: 'Hi' }];
const encoder = new TextEncoder();

beforeAll(async () => {
  [server, other] = await Promise.all([startMockServer(), startMockServer()]);
});
afterAll(async () => {
  await transport.close();
  await Promise.all([server.close(), other.close()]);
  // Closed sockets leave the handle list a moment after their close callbacks.
  await until(() => !process.getActiveResourcesInfo().some((resource) => resource.startsWith('TCP')));
});
beforeEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
});

function client(options: { fetch?: typeof fetch; maxRetries?: number; baseURL?: string } = {}) {
  return createClient({
    providers: { openai: { baseURL: options.baseURL ?? `${server.url}/v1`, apiKey: 'sk-openai-test-key' } },
    fetch: options.fetch ?? transport,
    maxRetries: options.maxRetries ?? 0,
  });
}

async function settle<T>(promise: Promise<T>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
}

async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const sseEvent = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      await sleep(5);
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('createUndiciFetch through the client', () => {
  it('sends a JSON chat call as fetch does and reads the JSON answer', async () => {
    server.handle(sendJson(200, chatResponse('Hello there')));
    const viaUndici = await client().chat({ model: 'openai/gpt-4o-mini', messages, temperature: 0 });
    const viaFetch = await client({ fetch: globalThis.fetch }).chat({ model: 'openai/gpt-4o-mini', messages, temperature: 0 });
    expect(viaUndici.choices[0]?.message.content).toBe('Hello there');
    expect(viaUndici).toEqual(viaFetch);

    const [sent, reference] = server.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(sent?.body).toEqual({ model: 'gpt-4o-mini', messages, temperature: 0 });
    expect(sent?.bodyText).toBe(reference?.bodyText);
    expect(sent?.headers.authorization).toBe('Bearer sk-openai-test-key');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['content-length']).toBe(String(Buffer.byteLength(sent?.bodyText ?? '')));
    for (const name of ['authorization', 'content-type', 'accept']) {
      expect(sent?.headers[name], name).toBe(reference?.headers[name]);
    }
  });

  it('maps an HTTP error status exactly as with fetch', async () => {
    server.handle(sendJson(401, { error: { message: 'bad key', type: 'invalid_request_error' } }));
    const viaUndici = await settle(client().chat({ model: 'openai/gpt-4o-mini', messages }));
    const viaFetch = await settle(client({ fetch: globalThis.fetch }).chat({ model: 'openai/gpt-4o-mini', messages }));
    expect(viaUndici).toMatchObject({ name: 'AuthenticationError', status: 401 });
    expect((viaUndici as Error).message).toBe((viaFetch as Error).message);
  });

  it('streams chat chunks as they arrive, before the server has finished', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let ended = false;
    server.handle(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sseEvent(chatChunk('one ')));
      await released;
      await sleep(20);
      response.write(sseEvent(chatChunk('two ')));
      await sleep(20);
      response.write(sseEvent(chatChunk('three', 'stop')));
      response.end('data: [DONE]\n\n');
      ended = true;
    });
    const received: string[] = [];
    for await (const chunk of client().chatStream({ model: 'openai/gpt-4o-mini', messages })) {
      received.push(chunk.choices[0]?.delta?.content ?? '');
      // The server holds the rest until the first chunk is here: proof that nothing is buffered.
      if (received.length === 1) {
        expect(ended).toBe(false);
        release();
      }
    }
    expect(received.join('')).toBe('one two three');
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('closes the connection when the consumer breaks out of a stream', async () => {
    let closedEarly = false;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sseEvent(chatChunk('first ')));
      const timer = setInterval(() => response.write(sseEvent(chatChunk('more '))), 10);
      response.on('close', () => {
        clearInterval(timer);
        closedEarly = !response.writableFinished;
      });
    });
    for await (const chunk of client().chatStream({ model: 'openai/gpt-4o-mini', messages })) {
      expect(chunk.choices[0]?.delta?.content).toBe('first ');
      break;
    }
    await until(() => closedEarly);
  });

  it('rejects with AbortedError when the signal is aborted before the call', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await settle(client().chat({ model: 'openai/gpt-4o-mini', messages }, { signal: controller.signal }));
    expect(error).toMatchObject({ name: 'AbortedError', kind: 'Aborted' });
    expect(server.requests).toHaveLength(0);
  });

  it('rejects with AbortedError and drops the connection when aborted while waiting for headers', async () => {
    let closed = false;
    server.handle((_request, response) => {
      response.on('close', () => {
        closed = true;
      });
    });
    const controller = new AbortController();
    const call = settle(client().chat({ model: 'openai/gpt-4o-mini', messages }, { signal: controller.signal }));
    await until(() => server.requests.length === 1);
    controller.abort();
    expect(await call).toMatchObject({ name: 'AbortedError', kind: 'Aborted' });
    await until(() => closed);
  });

  it('rejects a stream with AbortedError when aborted after headers, and frees the socket', async () => {
    let closed = false;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sseEvent(chatChunk('first')));
      response.on('close', () => {
        closed = true;
      });
    });
    const controller = new AbortController();
    const stream = client().chatStream({ model: 'openai/gpt-4o-mini', messages }, { signal: controller.signal });
    const chunks: ChatCompletionChunk[] = [];
    const error = await (async () => {
      try {
        for await (const chunk of stream) {
          chunks.push(chunk);
          controller.abort();
        }
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(chunks).toHaveLength(1);
    expect(error).toMatchObject({ name: 'AbortedError', kind: 'Aborted' });
    await until(() => closed);
  });

  it('turns a refused connection into NetworkError, retried maxRetries times', async () => {
    const port = await closedPort();
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return transport(input, init);
    };
    const error = await settle(
      client({ fetch: counting, maxRetries: 2, baseURL: `http://127.0.0.1:${port}/v1` }).chat({ model: 'openai/gpt-4o-mini', messages }),
    );
    expect(isLiterLlmError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'NetworkError', kind: 'Network', retryable: true });
    expect((error as Error).message).toMatch(/fetch failed \(ECONNREFUSED\)/);
    expect(attempts).toBe(3);
  });

  it('retries after the server drops the connection before answering', async () => {
    let hits = 0;
    server.handle((request, response) => {
      hits += 1;
      if (hits === 1) response.socket?.destroy();
      else sendJson(200, chatResponse('second time lucky'))(request, response);
    });
    const answer = await client({ maxRetries: 1 }).chat({ model: 'openai/gpt-4o-mini', messages });
    expect(answer.choices[0]?.message.content).toBe('second time lucky');
    expect(hits).toBe(2);
  });

  it('uploads a transcription as multipart, with one boundary content type and intact bytes', async () => {
    server.handle(sendJson(200, { text: 'Hallo' }));
    const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => (index * 7) % 256);
    const result = await client().transcribe({ model: 'openai/whisper-1', file: bytes, filename: 'clip.mp3', language: 'de' });
    expect(result.text).toBe('Hallo');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/audio/transcriptions' });
    const contentType = request?.headers['content-type'];
    expect(typeof contentType).toBe('string');
    expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(request?.headers['content-length']).toBe(String(request?.bodyBytes.byteLength));
    const parts = await parseMultipart(request as NonNullable<typeof request>);
    expect(textFields(parts)).toEqual([
      ['model', 'whisper-1'],
      ['language', 'de'],
    ]);
    const file = parts.find((part) => part.name === 'file');
    expect(file?.filename).toBe('clip.mp3');
    expect(Buffer.compare(Buffer.from(file?.bytes ?? []), Buffer.from(bytes))).toBe(0);
  });

  it('uploads a file through files.create, and sends the same form again on retry', async () => {
    let hits = 0;
    server.handle((request, response) => {
      hits += 1;
      if (hits === 1) sendJson(503, { error: { message: 'busy' } }, { 'retry-after-ms': '10' })(request, response);
      else sendJson(200, { id: 'file-1', object: 'file', bytes: 3, created_at: 1, filename: 'a.jsonl', purpose: 'batch' })(request, response);
    });
    const created = await client({ maxRetries: 1 }).files.create({
      file: new Blob([encoder.encode('{"a":1}\n')]),
      filename: 'a.jsonl',
      purpose: 'batch',
    });
    expect(created.id).toBe('file-1');
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      const parts = await parseMultipart(request);
      expect(textFields(parts)).toEqual([['purpose', 'batch']]);
      expect(parts.at(-1)).toMatchObject({ name: 'file', filename: 'a.jsonl', text: '{"a":1}\n' });
    }
  });

  it('streams a ReadableStream upload once, framed as multipart', async () => {
    server.handle(sendJson(500, { error: { message: 'upstream broke' } }));
    const error = await settle(
      client({ maxRetries: 2 }).transcribe({ model: 'openai/whisper-1', file: streamOf('chunk-one|', 'chunk-two'), filename: 'long.wav' }),
    );
    expect(error).toMatchObject({ name: 'ServerError', status: 500 });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.headers['transfer-encoding']).toBe('chunked');
    const parts = await parseMultipart(request as NonNullable<typeof request>);
    expect(parts.find((part) => part.name === 'file')).toMatchObject({ filename: 'long.wav', text: 'chunk-one|chunk-two' });
  });
});

describe('createUndiciFetch as a fetch', () => {
  it('sends each body type with the bytes and content type fetch sends', async () => {
    server.handle(sendJson(200, {}));
    const bodies: Array<() => BodyInit> = [
      () => 'plain text ✓',
      () => new URLSearchParams({ q: 'a b', n: '1' }),
      () => new Blob(['blob bytes'], { type: 'application/x-test' }),
      () => new Uint8Array([0, 1, 2, 255]),
      () => new Uint8Array([9, 8, 7, 6, 5]).subarray(1, 4),
      () => new Uint8Array([4, 5, 6]).buffer,
      () => new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2),
    ];
    for (const body of bodies) {
      server.requests.length = 0;
      await (await transport(`${server.url}/echo`, { method: 'POST', body: body() })).arrayBuffer();
      await (await fetch(`${server.url}/echo`, { method: 'POST', body: body() })).arrayBuffer();
      const [sent, reference] = server.requests;
      expect(sent?.bodyBytes, String(body())).toEqual(reference?.bodyBytes);
      expect(sent?.headers['content-type'], String(body())).toBe(reference?.headers['content-type']);
      expect(sent?.headers['content-length'], String(body())).toBe(reference?.headers['content-length']);
    }
  });

  it('streams a ReadableStream body and consumes it', async () => {
    server.handle(sendJson(200, {}));
    const body = streamOf('alpha-', 'beta-', 'gamma');
    const response = await transport(`${server.url}/upload`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(server.requests[0]?.bodyText).toBe('alpha-beta-gamma');
    expect(server.requests[0]?.headers['transfer-encoding']).toBe('chunked');
    expect(body.locked).toBe(true);
  });

  it('keeps the caller content type, and replaces any caller content type of a FormData with its boundary', async () => {
    server.handle(sendJson(200, {}));
    await (await transport(`${server.url}/a`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'application/json' } })).text();
    const form = new FormData();
    form.append('field', 'value');
    await (await transport(`${server.url}/b`, { method: 'POST', body: form, headers: { 'content-type': 'multipart/form-data' } })).text();
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[1]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(textFields(await parseMultipart(server.requests[1] as NonNullable<(typeof server.requests)[1]>))).toEqual([['field', 'value']]);
  });

  it('sends to the origin of the URL, and keeps path and query', async () => {
    server.handle(sendJson(200, { from: 'first' }));
    other.handle(sendJson(200, { from: 'second' }));
    expect(await (await transport(`${server.url}/one?x=1`)).json()).toEqual({ from: 'first' });
    expect(await (await transport(`${other.url}/two?y=2#fragment`)).json()).toEqual({ from: 'second' });
    expect(server.requests.map((request) => request.url)).toEqual(['/one?x=1']);
    expect(other.requests.map((request) => request.url)).toEqual(['/two?y=2']);
  });

  it('returns status, statusText, url and multi-value headers as fetch does', async () => {
    server.handle((_request, response) => {
      response.writeHead(201, 'Made It', [
        ['content-type', 'text/plain'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['x-multi', 'one'],
        ['x-multi', 'two'],
      ]);
      response.end('created');
    });
    const response = await transport(`${server.url}/made?q=1`);
    const reference = await fetch(`${server.url}/made?q=1`);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Made It');
    expect(response.ok).toBe(true);
    expect(response.url).toBe(`${server.url}/made?q=1`);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-multi')).toBe(reference.headers.get('x-multi'));
    expect(await response.text()).toBe(await reference.text());
  });

  it('gives a null body for 204 and HEAD, and frees the connection', async () => {
    server.handle((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const empty = await transport(`${server.url}/none`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    server.handle(sendJson(200, { ignored: true }));
    const head = await transport(`${server.url}/head`, { method: 'head' });
    expect(head.body).toBeNull();
    expect(server.requests.map((request) => request.method)).toEqual(['DELETE', 'HEAD']);
  });

  it('destroys the undici body when the response body is cancelled', async () => {
    let closedEarly = false;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write('head');
      const timer = setInterval(() => response.write('more'), 10);
      response.on('close', () => {
        clearInterval(timer);
        closedEarly = !response.writableFinished;
      });
    });
    const response = await transport(`${server.url}/forever`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await until(() => closedEarly);
  });

  it('rejects with the signal reason, a DOMException AbortError by default, as fetch does', async () => {
    server.handle(() => {});
    const controller = new AbortController();
    const pending = settle(transport(`${server.url}/hang`, { signal: controller.signal }));
    await until(() => server.requests.length === 1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError' });

    const custom = new Error('my reason');
    expect(await settle(transport(`${server.url}/x`, { signal: AbortSignal.abort(custom) }))).toBe(custom);
    expect(await settle(fetch(`${server.url}/x`, { signal: AbortSignal.abort(custom) }))).toBe(custom);
  });

  it('errors the body with the abort reason when aborted mid-body', async () => {
    server.handle((_request, response) => {
      response.writeHead(200);
      response.write('part');
    });
    const controller = new AbortController();
    const response = await transport(`${server.url}/partial`, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a refused connection with TypeError "fetch failed" and the undici error as cause, like fetch', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const error = await settle(transport(url));
    const reference = await settle(fetch(url));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe((reference as Error).message);
    expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it('errors the body with TypeError "terminated" when the server cuts it', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('short');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const response = await transport(`${server.url}/cut`);
    const error = await settle(response.text());
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: 'terminated' });
  });

  it('refuses URLs other than http: and https:, and bodies it cannot send, before sending', async () => {
    await expect(transport('ftp://127.0.0.1/file')).rejects.toThrow(TypeError);
    await expect(transport('file:///etc/hosts')).rejects.toThrow(/only http: and https:/);
    await expect(transport('data:text/plain,hi')).rejects.toThrow(/not data:/);
    await expect(transport(`${server.url.replace('http://', 'http://user:pw@')}/`)).rejects.toThrow(/credentials/);
    await expect(transport(`${server.url}/`, { method: 'POST', body: { a: 1 } as unknown as BodyInit })).rejects.toThrow(
      /unsupported request body type Object/,
    );
    await expect(transport(`${server.url}/`, { method: 'GET', body: 'x' })).rejects.toThrow(/GET request cannot have a body/);
    expect(server.requests).toHaveLength(0);
  });

  it('takes a Request as input', async () => {
    server.handle(sendJson(200, {}));
    const request = new Request(`${server.url}/req`, { method: 'POST', body: 'from a request', headers: { 'x-test': '1' } });
    await (await transport(request)).text();
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/req', bodyText: 'from a request' });
    expect(server.requests[0]?.headers['x-test']).toBe('1');
  });
});

describe('createUndiciFetch dispatchers', () => {
  it('uses a dispatcher you pass and leaves it open on close()', async () => {
    server.handle(sendJson(200, { ok: true }));
    const agent = new Agent({ connections: 2 });
    const own = createUndiciFetch(agent);
    expect(own.dispatcher).toBe(agent);
    expect(await (await own(`${server.url}/x`)).json()).toEqual({ ok: true });
    await own.close();
    expect(agent.closed).toBe(false);
    await agent.close();
  });

  it('creates and closes its own Agent from options', async () => {
    server.handle(sendJson(200, { ok: true }));
    const own = createUndiciFetch({ connections: 1, keepAliveTimeout: 1000 });
    expect(own.dispatcher).toBeInstanceOf(Agent);
    expect(await (await own(`${server.url}/x`)).json()).toEqual({ ok: true });
    await own.close();
    expect((own.dispatcher as Agent).closed).toBe(true);
    await own.close();
  });

  it('takes a Pool only with its origin, and refuses URLs of other origins', async () => {
    server.handle(sendJson(200, { pooled: true }));
    const pool = new Pool(server.url, { connections: 2 });
    expect(() => createUndiciFetch(pool)).toThrow(/serves one origin/);
    const pooled = createUndiciFetch({ dispatcher: pool, origin: server.url });
    expect(await (await pooled(`${server.url}/p`)).json()).toEqual({ pooled: true });
    await expect(pooled(`${other.url}/p`)).rejects.toThrow(/serves http:\/\/127\.0\.0\.1:\d+, not/);
    expect(other.requests).toHaveLength(0);
    expect(() => createUndiciFetch({ dispatcher: pool, connections: 3 })).toThrow(/cannot be combined/);
    await pool.close();
  });
});
