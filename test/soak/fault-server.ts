import { createServer, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/**
 * A loopback OpenAI-compatible mock with fault modes, for the soak tests. The fault is the first
 * path segment (`/<fault>-<id>/v1/chat/completions`); `hits(path)` counts requests per path, so a
 * test can tell whether a call was retried.
 */
const chunk = (content: string | null, finish: string | null = null): string =>
  `data: ${JSON.stringify({
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
  })}\n\n`;
export const GOOD_STREAM = `${chunk('Hel')}${chunk('lo')}${chunk(null, 'stop')}data: [DONE]\n\n`;
export const GOOD_JSON = JSON.stringify({
  id: 'c1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

export interface FaultServer {
  readonly origin: string;
  hits(prefix: string): number;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const server: Server = createServer((request, response: ServerResponse) => {
    const key = (request.url ?? '/').split('/')[1] ?? '';
    const hit = (counts.get(key) ?? 0) + 1;
    counts.set(key, hit);
    const fault = key.replace(/-\d+$/, '');
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (piece: string) => (body += piece));
    request.on('end', () => {
      const stream = body.includes('"stream":true');
      const ok = (): void => {
        response.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
        response.end(stream ? GOOD_STREAM : GOOD_JSON);
      };
      const sse = (): void => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
      };
      switch (fault) {
        case 'ok':
          return ok();
        case 'always-unavailable':
          response.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '0' });
          return response.end('{"error":{"message":"overloaded"}}');
        case 'flaky': {
          // Fails the first attempt of each request id (header `x-soak-id`), then succeeds.
          const id = String(request.headers['x-soak-id']);
          if (seen.has(id)) {
            seen.delete(id);
            return ok();
          }
          seen.add(id);
          response.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '0' });
          return response.end('{"error":{"message":"overloaded"}}');
        }
        case '429-ms':
          if (hit > 1) return ok();
          response.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '20' });
          return response.end('{"error":{"message":"slow down","type":"rate_limit"}}');
        case '429-seconds':
          if (hit > 1) return ok();
          response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
          return response.end('{"error":{"message":"slow down","type":"rate_limit"}}');
        case '429-date':
          if (hit > 1) return ok();
          response.writeHead(429, { 'content-type': 'application/json', 'retry-after': new Date(Date.now() - 1000).toUTCString() });
          return response.end('{"error":{"message":"slow down","type":"rate_limit"}}');
        case '429-too-long':
          response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
          return response.end('{"error":{"message":"come back in an hour","type":"rate_limit"}}');
        case '503-then-ok':
          if (hit > 1) return ok();
          response.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '0' });
          return response.end('{"error":{"message":"overloaded"}}');
        case 'reset-before-headers':
          return request.socket.destroy();
        case 'reset-once':
          if (hit > 1) return ok();
          return request.socket.destroy();
        case 'reset-mid-stream':
          sse();
          response.write(chunk('Hel'));
          setTimeout(() => request.socket.destroy(), 20);
          return;
        case 'stall':
          sse();
          response.write(chunk('Hel'));
          return;
        case 'eof-no-finish':
          sse();
          return response.end(chunk('Hel') + chunk('lo'));
        case 'malformed':
          sse();
          return response.end(`${chunk('Hel')}data: {"choices": [not json\n\n`);
        case 'html-502':
          response.writeHead(502, { 'content-type': 'text/html' });
          return response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        case 'error-event':
          sse();
          return response.end(`${chunk('Hel')}data: {"error":{"message":"model overloaded","type":"server_error"}}\n\n`);
        case 'huge-event': {
          sse();
          const piece = 'x'.repeat(64 * 1024);
          response.write('data: {"choices":[{"index":0,"delta":{"content":"');
          let sent = 0;
          const pump = (): void => {
            while (sent < 8 * 1024 * 1024) {
              sent += piece.length;
              if (!response.write(piece)) return void response.once('drain', pump);
            }
            response.end('"}}]}\n\n');
          };
          response.on('error', () => {});
          return pump();
        }
        case 'gzip':
          response.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
          return response.end(gzipSync(GOOD_STREAM));
        case 'hold':
          sse();
          response.write(chunk('Hel'));
          return;
        default:
          response.writeHead(404, { 'content-type': 'application/json' });
          return response.end('{"error":{"message":"unknown fault"}}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: (prefix) => counts.get(prefix) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
