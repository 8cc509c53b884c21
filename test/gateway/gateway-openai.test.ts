import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../../gateway/config/load-gateway-config.js';
import { startGatewayServer, type RunningGateway } from '../../gateway/server/start-gateway-server.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../support/mock-server.js';

const MASTER = 'master-key-0123456789';
const TEAM_A = 'sk-team-a-0123456789';
const TEAM_B = 'sk-team-b-0123456789';
const UPSTREAM_KEY = 'sk-upstream-provider-key-0123456789';

describe('the gateway, driven by the official openai client and by fetch', () => {
  let upstream: MockServer;
  let running: RunningGateway;
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    upstream = await startMockServer();
    const config = parseGatewayConfig(
      'gateway.yaml',
      `masterKey: ${MASTER}
server: { port: 0, bodyLimitBytes: 65536 }
models:
  - name: fast
    model: openai/gpt-4o-mini
  - name: embedder
    model: openai/text-embedding-3-small
  - name: "openai/*"
keys:
  - name: team-a
    key: ${TEAM_A}
    models: [fast, embedder]
  - name: team-b
    key: ${TEAM_B}
    models: ["openai/*"]
client:
  providers: { openai: { baseURL: "${upstream.url}/v1", apiKey: ${UPSTREAM_KEY} } }
  maxRetries: 0
`,
      {},
    );
    running = await startGatewayServer(config, { log: (line) => logs.push({ ...line }) });
  });
  afterAll(async () => {
    await running.shutdown();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
    logs.length = 0;
    upstream.handle(sendJson(200, chatResponse('Hello from upstream', { model: 'gpt-4o-mini' })));
  });

  const openai = (apiKey: string) => new OpenAI({ baseURL: `${running.url}/v1`, apiKey, maxRetries: 0 });
  const post = (path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TEAM_A}` }) =>
    fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('serves a chat to the openai client, upstream with the gateway key and the deployment model', async () => {
    const response = await openai(TEAM_A).chat.completions.create({ model: 'fast', messages: [{ role: 'user', content: 'Hi' }] });
    expect(response.choices[0]?.message.content).toBe('Hello from upstream');
    const sent = upstream.requests[0];
    expect(sent?.body).toMatchObject({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    // Header hygiene: the client's key never goes upstream; the gateway's own key does.
    expect(sent?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    expect(JSON.stringify(sent?.headers)).not.toContain(TEAM_A);
  });

  it('streams chunks to the openai client, and passes tools through', async () => {
    upstream.handle(
      sendSse([
        chatChunk(undefined, null, { choices: [{ index: 0, delta: { role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }, finish_reason: null }] }),
        chatChunk(undefined, null, { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":"Oslo"}' } }] }, finish_reason: null }] }),
        chatChunk(undefined, 'tool_calls'),
      ]),
    );
    const stream = await openai(TEAM_A).chat.completions.create({
      model: 'fast',
      stream: true,
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
    });
    let args = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(args).toBe('{"city":"Oslo"}');
    expect(finish).toBe('tool_calls');
    expect(upstream.requests[0]?.body).toMatchObject({ stream: true, tools: [{ type: 'function', function: { name: 'get_weather' } }] });
  });

  it('serves embeddings and lists only the names this key may use', async () => {
    // The openai client asks for base64 (packed float32) unless told otherwise, as OpenAI answers it.
    upstream.handle((request, response) => {
      const base64 = (request.body as { encoding_format?: string }).encoding_format === 'base64';
      const embedding = base64 ? Buffer.from(new Float32Array([0.5, 0.25]).buffer).toString('base64') : [0.5, 0.25];
      sendJson(200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding }], model: 'text-embedding-3-small', usage: { prompt_tokens: 2, total_tokens: 2 } })(request, response);
    });
    const embedded = await openai(TEAM_A).embeddings.create({ model: 'embedder', input: 'hello' });
    expect(embedded.data[0]?.embedding).toEqual([0.5, 0.25]);
    expect(upstream.requests[0]?.body).toMatchObject({ model: 'text-embedding-3-small', input: 'hello', encoding_format: 'base64' });
    const listed = await openai(TEAM_A).models.list();
    expect(listed.data.map((model) => model.id)).toEqual(['embedder', 'fast']);
    expect((await openai(TEAM_B).models.list()).data).toEqual([]);
  });

  it('refuses a missing or unknown key with 401 and a model outside the key with 403, sending nothing', async () => {
    const missing = await post('/v1/chat/completions', { model: 'fast', messages: [] }, {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', code: 'missing_api_key', param: null } });
    const unknown = await post('/v1/chat/completions', { model: 'fast', messages: [] }, { 'x-api-key': 'sk-not-a-key-0000' });
    expect(unknown.status).toBe(401);
    const outside = await post('/v1/chat/completions', { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] });
    expect(outside.status).toBe(403);
    expect((await outside.json()) as object).toMatchObject({ error: { code: 'model_not_allowed' } });
    await expect(openai(TEAM_A).chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 404 model_not_found for a model that is not configured, and passes patterns through', async () => {
    const answer = await post('/v1/chat/completions', { model: 'groq/llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'x' }] }, { authorization: `Bearer ${MASTER}` });
    expect(answer.status).toBe(404);
    expect((await answer.json()) as object).toMatchObject({ error: { code: 'model_not_found', type: 'invalid_request_error' } });
    expect(upstream.requests).toHaveLength(0);
    const passed = await openai(TEAM_B).chat.completions.create({ model: 'openai/gpt-4.1', messages: [{ role: 'user', content: 'x' }] });
    expect(passed.choices[0]?.message.content).toBe('Hello from upstream');
    expect(upstream.requests[0]?.body).toMatchObject({ model: 'gpt-4.1' });
  });

  it('turns an upstream 401 into 502 (the gateway key was refused), keeps other statuses, and sets retry-after on 429', async () => {
    upstream.handle(sendJson(401, { error: { message: `Incorrect API key provided: ${UPSTREAM_KEY}`, type: 'invalid_request_error' } }));
    const refused = await post('/v1/chat/completions', { model: 'fast', messages: [{ role: 'user', content: 'x' }] });
    expect(refused.status).toBe(502);
    const text = await refused.text();
    expect(text).not.toContain(UPSTREAM_KEY);
    upstream.handle(sendJson(429, { error: { message: 'slow down', type: 'rate_limit_error' } }, { 'retry-after': '7' }));
    const limited = await post('/v1/chat/completions', { model: 'fast', messages: [{ role: 'user', content: 'x' }] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await limited.json()) as object).toMatchObject({ error: { type: 'rate_limit_error' } });
    upstream.handle(sendJson(400, { error: { message: 'bad temperature', type: 'invalid_request_error' } }));
    expect((await post('/v1/chat/completions', { model: 'fast', messages: [{ role: 'user', content: 'x' }] })).status).toBe(400);
  });

  it('answers a stream that fails before its first chunk with the error status, and one that breaks mid-stream with a final error event', async () => {
    upstream.handle(sendJson(429, { error: { message: 'slow down', type: 'rate_limit_error' } }, { 'retry-after': '3' }));
    const refused = await post('/v1/chat/completions', { model: 'fast', stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect((await refused.json()) as object).toMatchObject({ error: { type: 'rate_limit_error' } });

    // A body that ends without [DONE] or a finish reason: the SDK's StreamError after one chunk.
    upstream.handle(sendSse([chatChunk('partial ')], { done: false }));
    const broken = await post('/v1/chat/completions', { model: 'fast', stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(broken.status).toBe(200);
    const events = (await broken.text()).trim().split('\n\n');
    expect(events[0]).toContain('partial ');
    expect(JSON.parse((events.at(-1) as string).replace(/^data: /, ''))).toMatchObject({ error: { type: 'upstream_error', code: 'upstream_stream_error' } });
    expect(events).not.toContain('data: [DONE]');
  });

  it('refuses bodies past bodyLimitBytes with 413 and bad JSON with 400', async () => {
    const huge = await post('/v1/chat/completions', { model: 'fast', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] });
    expect(huge.status).toBe(413);
    expect((await huge.json()) as object).toMatchObject({ error: { code: 'request_too_large' } });
    // Routes without a model read their bodies through the same bound.
    const hugeBatch = await post('/v1/batches', { input_file_id: 'file-1', endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { note: 'x'.repeat(70_000) } });
    expect(hugeBatch.status).toBe(413);
    const bad = await post('/v1/chat/completions', '{"model": "fast",');
    expect(bad.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('cancels the upstream request when the client disconnects mid-stream', async () => {
    let upstreamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    upstream.handle(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.on('close', () => upstreamClosed());
      for (let index = 0; index < 1000 && !response.destroyed; index += 1) {
        response.write(`data: ${JSON.stringify(chatChunk(`part ${index} `))}\n\n`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      response.end();
    });
    const answer = await post('/v1/chat/completions', { model: 'fast', stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(answer.status).toBe(200);
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('part 0');
    await reader.cancel();
    await expect(Promise.race([closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open'), 3_000))])).resolves.toBe('closed');
  });

  it('logs one JSON line per request without keys or message contents, and counts requests in /metrics for the master key only', async () => {
    await openai(TEAM_A).chat.completions.create({ model: 'fast', messages: [{ role: 'user', content: 'a secret prompt' }] });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', status: 200, key: 'team-a', model: 'fast' });
    const logged = JSON.stringify(logs);
    for (const secret of [TEAM_A, UPSTREAM_KEY, MASTER, 'a secret prompt', 'Hello from upstream']) expect(logged).not.toContain(secret);

    expect((await fetch(`${running.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${TEAM_A}` } })).status).toBe(403);
    const metrics = await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${MASTER}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/liter_llm_requests_total\{model="fast",key="team-a",status="200"\} \d+/);
    expect(logs.some((line) => line.path === '/metrics')).toBe(false);
  });

  it('answers health publicly', async () => {
    expect(await (await fetch(`${running.url}/health/liveness`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${running.url}/health/readiness`)).status).toBe(200);
  });
});

describe('the gateway: audio, files, batches, CORS and its OpenAPI document', () => {
  let upstream: MockServer;
  let running: RunningGateway;
  const KEY = 'sk-files-key-0123456789';

  beforeAll(async () => {
    upstream = await startMockServer();
    const config = parseGatewayConfig(
      'gateway.yaml',
      `server: { port: 0, cors: [https://app.example.com] }
models:
  - name: voice
    model: openai/gpt-4o-mini-tts
  - name: whisper
    model: openai/whisper-1
keys:
  - name: files
    key: ${KEY}
client:
  providers: { openai: { baseURL: "${upstream.url}/v1", apiKey: ${UPSTREAM_KEY} } }
  maxRetries: 0
`,
      {},
    );
    running = await startGatewayServer(config, { version: '9.9.9' });
  });
  afterAll(async () => {
    await running.shutdown();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });
  const openai = () => new OpenAI({ baseURL: `${running.url}/v1`, apiKey: KEY, maxRetries: 0 });

  it('streams speech bytes back and forwards a multipart transcription', async () => {
    upstream.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.end(Buffer.from([1, 2, 3, 4]));
    });
    const speech = await openai().audio.speech.create({ model: 'voice', voice: 'alloy', input: 'Hello' });
    expect(speech.headers.get('content-type')).toBe('audio/mpeg');
    expect([...new Uint8Array(await speech.arrayBuffer())]).toEqual([1, 2, 3, 4]);
    expect(upstream.requests[0]?.body).toMatchObject({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Hello' });

    upstream.handle(sendJson(200, { text: 'transcribed words' }));
    const transcription = await openai().audio.transcriptions.create({ model: 'whisper', file: new File([new Uint8Array([9, 9, 9])], 'clip.mp3', { type: 'audio/mpeg' }), language: 'en' });
    expect(transcription.text).toBe('transcribed words');
    const sent = upstream.requests.at(-1);
    expect(sent?.path).toBe('/v1/audio/transcriptions');
    expect(sent?.bodyText).toContain('name="model"');
    expect(sent?.bodyText).toContain('whisper-1');
    expect(sent?.bodyText).toContain('filename="clip.mp3"');
  });

  it('uploads a file and manages a batch at the configured provider', async () => {
    upstream.handle(sendJson(200, { id: 'file-1', object: 'file', bytes: 3, created_at: 1, filename: 'batch.jsonl', purpose: 'batch' }));
    const file = await openai().files.create({ file: new File(['{}\n'], 'batch.jsonl'), purpose: 'batch' });
    expect(file.id).toBe('file-1');
    expect(upstream.requests[0]?.path).toBe('/v1/files');
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);

    upstream.handle(sendJson(200, { id: 'batch_1', object: 'batch', endpoint: '/v1/chat/completions', input_file_id: 'file-1', completion_window: '24h', status: 'validating', created_at: 1 }));
    const batch = await openai().batches.create({ input_file_id: 'file-1', endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(batch.id).toBe('batch_1');
    expect(upstream.requests.at(-1)?.body).toMatchObject({ input_file_id: 'file-1', endpoint: '/v1/chat/completions' });
    const elsewhere = await fetch(`${running.url}/v1/files?provider=anthropic`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(elsewhere.status).toBe(404);
  });

  it('answers CORS only for the allowed origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${running.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await preflight('https://evil.example.com');
    expect([...other.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const models = await fetch(`${running.url}/v1/models`, { headers: { authorization: `Bearer ${KEY}`, origin: 'https://evil.example.com' } });
    expect(models.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishes an OpenAPI 3.1 document whose references all resolve', async () => {
    const answer = await fetch(`${running.url}/openapi.json`);
    expect(answer.status).toBe(200);
    const document = (await answer.json()) as { openapi: string; info: { version: string }; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('9.9.9');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/chat/completions', '/v1/messages', '/v1/files/{id}', '/metrics']));
    const refs = JSON.stringify(document.paths).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const pointer = ref.slice('"$ref":"#/'.length, -1).split('/');
      let node: unknown = document;
      for (const segment of pointer) node = (node as Record<string, unknown>)[segment];
      expect(node, ref).toBeTypeOf('object');
    }
  });
});
