import type { ServerResponse } from 'node:http';
import { checkSigV4 } from '../dialects/bedrock/verify-sigv4.js';
import { chatChunk, chatResponse, sseBody, startMockServer, type RecordedRequest } from '../support/mock-server.js';
import { SMOKE_BEDROCK, SMOKE_KEYS } from './smoke-fixtures.js';

/** How long the mock waits, by default, for a cancelled stream's request to close before it reports that it never did. */
const CLOSE_BOUND_MS = 5_000;
const SLOW_CHUNK_INTERVAL_MS = 50;

export interface SmokeMock {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The loopback provider every runtime talks to: OpenAI chat (plain, streamed, and streamed slowly
 * without end for the cancellation check), Anthropic Messages streams, and Bedrock Converse with its
 * SigV4 signature verified. It answers CORS (preflights included) so a page on another origin can
 * call it. `GET /smoke/stream-closed?id=...` answers once the endless stream tagged with that id
 * has seen its request closed, or says it has not within the bound, so the runtime itself reports
 * whether `break` reached the network.
 */
export async function startSmokeMock(options: { closeBoundMs?: number } = {}): Promise<SmokeMock> {
  const closeBoundMs = options.closeBoundMs ?? CLOSE_BOUND_MS;
  const closedStreams = new Map<string, Promise<number>>();
  const server = await startMockServer((request, response) => {
    allowCors(request, response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return;
    }
    if (request.path === '/smoke/stream-closed') return answerStreamClosed(request, response, closedStreams, closeBoundMs);
    if (request.path === '/openai/v1/chat/completions') return answerOpenAi(request, response, closedStreams);
    if (request.path === '/anthropic/v1/messages') return answerAnthropic(request, response);
    if (request.path.startsWith('/bedrock/model/')) return answerBedrock(request, response);
    sendJson(response, 404, { error: { message: `smoke mock: no route for ${request.method} ${request.path}` } });
  });
  return server;
}

function allowCors(request: RecordedRequest, response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  const asked = request.headers['access-control-request-headers'];
  if (typeof asked === 'string') response.setHeader('access-control-allow-headers', asked);
  response.setHeader('access-control-max-age', '600');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function bodyOf(request: RecordedRequest): Record<string, unknown> {
  return typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
}

function answerOpenAi(request: RecordedRequest, response: ServerResponse, closedStreams: Map<string, Promise<number>>): void {
  if (request.headers.authorization !== `Bearer ${SMOKE_KEYS.openai}`) {
    sendJson(response, 401, { error: { message: 'smoke mock: the OpenAI key passed as an option did not arrive', type: 'invalid_request_error' } });
    return;
  }
  const body = bodyOf(request);
  const model = String(body.model);
  const usage = { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 };
  if (body.stream !== true) {
    sendJson(response, 200, chatResponse('Hello from the smoke mock.', { model, usage }));
    return;
  }
  const streamId = request.headers['x-smoke-stream-id'];
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (typeof streamId !== 'string') {
    response.end(sseBody([chatChunk('Hello'), chatChunk(', world'), chatChunk(undefined, 'stop', { usage })]));
    return;
  }
  // Endless: only the client going away ends it.
  const startedAt = Date.now();
  let sent = 0;
  const timer = setInterval(() => response.write(sseBody([chatChunk(`tick ${sent++} `)], false)), SLOW_CHUNK_INTERVAL_MS);
  closedStreams.set(
    streamId,
    new Promise((resolve) =>
      response.on('close', () => {
        clearInterval(timer);
        resolve(Date.now() - startedAt);
      }),
    ),
  );
}

async function answerStreamClosed(request: RecordedRequest, response: ServerResponse, closedStreams: Map<string, Promise<number>>, closeBoundMs: number): Promise<void> {
  const streamId = request.query.get('id') ?? '';
  const closed = closedStreams.get(streamId);
  if (closed === undefined) {
    sendJson(response, 200, { closed: false, reason: `no endless stream with id ${streamId} was started` });
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const afterMs = await Promise.race([closed, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), closeBoundMs)))]);
  clearTimeout(timer);
  closedStreams.delete(streamId);
  sendJson(response, 200, afterMs === undefined ? { closed: false, reason: `the request was still open ${closeBoundMs} ms after the check began` } : { closed: true, afterMs });
}

function answerAnthropic(request: RecordedRequest, response: ServerResponse): void {
  if (request.headers['x-api-key'] !== SMOKE_KEYS.anthropic) {
    sendJson(response, 401, { type: 'error', error: { type: 'authentication_error', message: 'smoke mock: the Anthropic key did not arrive' } });
    return;
  }
  const model = String(bodyOf(request).model);
  const events: Array<[string, unknown]> = [
    ['message_start', { type: 'message_start', message: { id: 'msg_smoke', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 9, output_tokens: 1 } } }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['ping', { type: 'ping' }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Bonjour' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' le monde' } }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 } }],
    ['message_stop', { type: 'message_stop' }],
  ];
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.end(events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join(''));
}

function answerBedrock(request: RecordedRequest, response: ServerResponse): void {
  // The signature covers the path as sent, so it is checked against the path under the mock's prefix.
  const check = checkSigV4(request, SMOKE_BEDROCK.secretAccessKey, SMOKE_BEDROCK.region, 'bedrock');
  const scope = new RegExp(`^${SMOKE_BEDROCK.accessKeyId}/\\d{8}/${SMOKE_BEDROCK.region}/bedrock/aws4_request$`);
  const problems = [
    check.credentialScope === undefined ? `authorization is not AWS4-HMAC-SHA256 shaped: ${JSON.stringify(request.headers.authorization ?? null)}` : undefined,
    check.credentialScope !== undefined && !scope.test(check.credentialScope) ? `credential scope ${check.credentialScope} does not name the access key id and region passed as options` : undefined,
    check.actualSignature !== undefined && check.actualSignature !== check.expectedSignature ? 'the SigV4 signature does not verify' : undefined,
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    sendJson(response, 403, { message: `smoke mock: ${problems.join('; ')}` });
    return;
  }
  sendJson(response, 200, {
    output: { message: { role: 'assistant', content: [{ text: 'Signed and delivered.' }] } },
    stopReason: 'end_turn',
    usage: { inputTokens: 11, outputTokens: 3, totalTokens: 14 },
  });
}
