import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the mock server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/chat/completions?api-version=1`. */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly bodyText: string;
  /** The raw body bytes (uploads). */
  readonly bodyBytes: Uint8Array;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  readonly body: unknown;
}

export type MockHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface MockServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Handler for the next requests (replaces the previous one). */
  handle(handler: MockHandler): void;
  close(): Promise<void>;
}

/** A loopback HTTP server for tests: records every request and answers with the current handler. */
export async function startMockServer(handler: MockHandler = sendJson(200, {})): Promise<MockServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const parts: Buffer[] = [];
    incoming.on('data', (part: Buffer) => parts.push(part));
    incoming.on('end', () => {
      const bodyBytes = new Uint8Array(Buffer.concat(parts));
      const bodyText = Buffer.from(bodyBytes).toString('utf8');
      const url = incoming.url ?? '/';
      const parsed = new URL(url, 'http://127.0.0.1');
      let body: unknown;
      try {
        body = bodyText === '' ? undefined : JSON.parse(bodyText);
      } catch {
        body = undefined;
      }
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: incoming.headers,
        bodyText,
        bodyBytes,
        body,
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, response)).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(599);
        response.end(String(error));
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(status: number, body: unknown, headers: Record<string, string> = {}): MockHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** SSE `data:` events for each payload, then `data: [DONE]` unless `done` is false. */
export function sseBody(payloads: readonly unknown[], done = true): string {
  const events = payloads.map((payload) => `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
  if (done) events.push('data: [DONE]\n\n');
  return events.join('');
}

export function sendSse(payloads: readonly unknown[], options: { done?: boolean; status?: number } = {}): MockHandler {
  return (_request, response) => {
    response.writeHead(options.status ?? 200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.end(sseBody(payloads, options.done ?? true));
  };
}

export function chatResponse(content: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    ...overrides,
  };
}

export function chatChunk(content: string | undefined, finishReason: string | null = null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finishReason }],
    ...extra,
  };
}
