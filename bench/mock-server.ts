/**
 * A loopback OpenAI-compatible mock for the benchmarks, run in its own process. Every body is
 * precomputed; the mode is the first path segment, so every contender sends the same request to
 * `http://127.0.0.1:<port>/<mode>/v1/chat/completions`:
 * - `unary-small` (~0.5 KB) and `unary-large` (~10 KB) JSON completions (a `stream: true` request
 *   to a unary mode still gets JSON; use a stream mode for streams);
 * - `stream-<N>`: N content chunks, a finish chunk and `[DONE]`, written in one go;
 * - `paced-<N>`: the same, one chunk every 20 ms;
 * - `hold`: headers and the first chunk, then the response is parked until the client leaves.
 * `GET /__stats` returns `{ requests, cpuUs, open }`, so the harness can tell a mock-bound run.
 *
 * Run: `node mock-server.js` prints `{ "port": n }` on its first stdout line.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export const CHUNK_TEXT = 'tok ';
export const PACE_MS = 20;

const CREATED = 1_700_000_000;
const MODEL = 'gpt-4o-mini';

export function createUnaryBody(contentLength: number): string {
  const content = 'x'.repeat(contentLength);
  return JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: CREATED,
    model: MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 },
  });
}

function createChunk(index: number, delta: Record<string, unknown>, finishReason: string | null): string {
  const chunk = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: CREATED,
    model: MODEL,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
  void index;
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** The SSE events of a stream of `count` content chunks: role+first content, ..., finish, usage, [DONE]. */
export function createStreamEvents(count: number): string[] {
  const events: string[] = [];
  for (let index = 0; index < count; index += 1) {
    events.push(createChunk(index, index === 0 ? { role: 'assistant', content: CHUNK_TEXT } : { content: CHUNK_TEXT }, null));
  }
  events.push(createChunk(count, {}, 'stop'));
  events.push(
    `data: ${JSON.stringify({
      id: 'chatcmpl-bench',
      object: 'chat.completion.chunk',
      created: CREATED,
      model: MODEL,
      choices: [],
      usage: { prompt_tokens: 9, completion_tokens: count, total_tokens: 9 + count },
    })}\n\n`,
  );
  events.push('data: [DONE]\n\n');
  return events;
}

export function expectedStreamText(count: number): string {
  return CHUNK_TEXT.repeat(count);
}

const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' };

function startMockServer(): void {
  const unary = new Map<string, Buffer>([
    ['unary-small', Buffer.from(createUnaryBody(200))],
    ['unary-large', Buffer.from(createUnaryBody(10_000))],
  ]);
  const whole = new Map<number, Buffer>();
  const split = new Map<number, Buffer[]>();
  const streamBody = (count: number): Buffer => {
    let body = whole.get(count);
    if (body === undefined) {
      body = Buffer.from(createStreamEvents(count).join(''));
      whole.set(count, body);
    }
    return body;
  };
  const streamParts = (count: number): Buffer[] => {
    let parts = split.get(count);
    if (parts === undefined) {
      parts = createStreamEvents(count).map((event) => Buffer.from(event));
      split.set(count, parts);
    }
    return parts;
  };
  let requests = 0;
  let open = 0;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    if (url === '/__stats') {
      const cpu = process.cpuUsage();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ requests, cpuUs: cpu.user + cpu.system, open }));
      return;
    }
    requests += 1;
    // The request body is read and dropped: every mode answers the same way.
    request.resume();
    request.on('end', () => {
      const mode = url.split('/')[1] ?? '';
      const body = unary.get(mode);
      if (body !== undefined) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        response.end(body);
        return;
      }
      const [kind, countText] = mode.split('-');
      const count = Number(countText);
      if (kind === 'stream' && Number.isInteger(count)) {
        response.writeHead(200, SSE_HEADERS);
        response.end(streamBody(count));
        return;
      }
      if (kind === 'paced' && Number.isInteger(count)) {
        const parts = streamParts(count);
        response.writeHead(200, SSE_HEADERS);
        let next = 0;
        const timer = setInterval(() => {
          const part = parts[next];
          next += 1;
          if (part === undefined) {
            clearInterval(timer);
            response.end();
            return;
          }
          response.write(part);
        }, PACE_MS);
        response.on('close', () => clearInterval(timer));
        return;
      }
      if (mode === 'hold') {
        open += 1;
        response.writeHead(200, SSE_HEADERS);
        response.write(streamParts(1)[0] as Buffer);
        response.on('close', () => {
          open -= 1;
        });
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `unknown mock mode ${mode}`, type: 'not_found' } }));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 0;
  server.requestTimeout = 0;
  server.maxRequestsPerSocket = 0;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    process.stdout.write(`${JSON.stringify({ port })}\n`);
  });
  process.on('disconnect', () => process.exit(0));
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

if (process.argv[1] !== undefined && /mock-server\.(js|ts)$/.test(process.argv[1])) startMockServer();
