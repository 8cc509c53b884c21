import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { callInfo, createClient, type CallOptions } from '../../src/index.js';
import { createGatewayClientOptions } from '../config/create-gateway-client-options.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { createGatewayMetrics, type GatewayMetrics } from './gateway-metrics.js';
import { createMemoryGatewayStores, type GatewayStores } from './create-gateway-stores.js';
import { createKeyLimits, type KeyAdmission } from './key-limits.js';
import { registerAdminRoutes } from './register-admin-routes.js';
import { registerFileRoutes } from './register-file-routes.js';
import { anthropicErrorAnswer, registerAnthropicRoutes } from './register-anthropic-routes.js';
import { corsHeaders } from './cors-headers.js';
import { createOpenApiDocument } from './create-openapi-document.js';
import { GatewayHttpError } from './gateway-http-error.js';
import { createModelAccess } from './model-access.js';
import { readJsonObject } from './read-json-object.js';
import { sseResponse } from './sse-response.js';
import { openAiErrorBody, toOpenAiError } from './to-openai-error.js';
import { hashVirtualKey, indexConfigKeys, presentedKey, type VirtualKey } from './virtual-keys.js';

type GatewayClient = ReturnType<typeof createClient>;

/** One JSON log line per request: no keys, no message contents. */
export type GatewayLog = (line: Readonly<Record<string, unknown>>) => void;

export interface GatewayDependencies {
  /** The SDK client (default: `createClient` of the config). */
  readonly client?: GatewayClient;
  readonly log?: GatewayLog;
  readonly metrics?: GatewayMetrics;
  /** Limits, budgets and admin keys (default: memory, one process). */
  readonly stores?: GatewayStores;
  /** The version `/openapi.json` reports. */
  readonly version?: string;
}

export interface Gateway {
  /** The gateway as a fetch handler: any server (Node, Bun, Deno) can serve it. */
  fetch(request: Request): Promise<Response>;
  readonly metrics: GatewayMetrics;
  /** From now on readiness fails, so a load balancer stops sending; requests still in flight go on. */
  beginShutdown(): void;
  /** Closes the SDK client (health-check timers, stores it owns). */
  close(): void;
}

type Variables = { key: VirtualKey | undefined; model: string | undefined; admission: KeyAdmission | undefined };

const UNLOGGED = new Set(['/health/liveness', '/health/readiness', '/metrics', '/openapi.json']);
type GatewayContext = Context<{ Variables: Variables }>;

/** JSON endpoints of `/v1` that take a model and map to one SDK method. */
const MODEL_ROUTES: ReadonlyArray<readonly [path: string, call: (client: GatewayClient, body: never, options: CallOptions) => Promise<unknown>]> = [
  ['/v1/embeddings', (client, body, options) => client.embed(body, options)],
  ['/v1/moderations', (client, body, options) => client.moderate(body, options)],
  ['/v1/images/generations', (client, body, options) => client.imageGenerate(body, options)],
  ['/v1/rerank', (client, body, options) => client.rerank(body, options)],
];

/**
 * The gateway's HTTP surface on top of one SDK client: OpenAI-compatible endpoints under `/v1`,
 * health, metrics. Clients authenticate with a virtual key (or the master key); the SDK calls
 * upstream with the gateway's own provider credentials, so neither side's credentials cross.
 */
export function createGatewayApp(config: GatewayConfig, dependencies: GatewayDependencies = {}): Gateway {
  const stores = dependencies.stores ?? createMemoryGatewayStores();
  const client = dependencies.client ?? createClient(stores.withSharedStores(createGatewayClientOptions(config)));
  const metrics = dependencies.metrics ?? createGatewayMetrics();
  const log = dependencies.log ?? (() => {});
  const keys = indexConfigKeys(config);
  const limits = createKeyLimits(stores);
  // With no key and no master key configured the gateway is open (a local tool); otherwise every /v1 call needs a key.
  const open = keys.size === 0;
  const access = createModelAccess(config);
  let shuttingDown = false;

  const app = new Hono<{ Variables: Variables }>();

  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, new GatewayHttpError(404, 'invalid_request_error', 'unknown_url', `no route for ${c.req.method} ${c.req.path}`)));

  if (config.server.cors.length > 0) app.use('*', corsHeaders(config.server.cors));
  let openApi: string | undefined;
  app.get('/openapi.json', (c) => c.body((openApi ??= JSON.stringify(createOpenApiDocument(dependencies.version ?? 'unknown'))), 200, { 'content-type': 'application/json' }));
  app.get('/health/liveness', (c) => c.json({ status: 'ok' }));
  app.get('/health/readiness', async (c) => {
    if (shuttingDown) return c.json({ status: 'shutting down' }, 503);
    return (await stores.ping()) ? c.json({ status: 'ok' }) : c.json({ status: 'store unreachable' }, 503);
  });
  app.get('/metrics', async (c) => {
    if (!config.server.publicMetrics) {
      const key = await authenticate(c);
      if (key?.master !== true) throw new GatewayHttpError(403, 'permission_error', 'master_key_required', '/metrics needs the master key');
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  });

  // One log line and one metric per request, health, metrics and the OpenAPI document excepted.
  app.use('*', async (c, next) => {
    c.set('key', undefined);
    c.set('model', undefined);
    c.set('admission', undefined);
    if (UNLOGGED.has(c.req.path)) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      const model = c.get('model');
      const key = c.get('key');
      const seconds = (performance.now() - started) / 1000;
      if (c.req.path.startsWith('/v1/')) metrics.request({ model: model ?? '', key: key?.name ?? '', status }, seconds);
      log({ time: new Date().toISOString(), method: c.req.method, path: c.req.path, status, ms: Math.round(seconds * 1000), key: key?.name, model });
    }
  });

  registerAdminRoutes(app, { config, stores, limits, configKeys: keys, authenticate: (c) => authenticate(c) });

  app.use('/v1/*', async (c, next) => {
    c.set('key', await authenticate(c));
    await next();
  });
  app.use('/v1/*', bodyLimit({ maxSize: config.server.bodyLimitBytes, onError: () => { throw new GatewayHttpError(413, 'invalid_request_error', 'request_too_large', `the request body is larger than ${config.server.bodyLimitBytes} bytes`); } }));

  app.get('/v1/models', (c) =>
    c.json({ object: 'list', data: access.namesFor(c.get('key')).map((id) => ({ id, object: 'model', created: 0, owned_by: 'liter-llm' })) }),
  );

  app.post('/v1/chat/completions', async (c) => {
    const body = await modelRequest(c);
    const options = callOptions(c);
    if (body.stream === true) {
      const stream = client.chatStream(body as never, options);
      return streamResponse(c, stream);
    }
    const response = await client.chat(body as never, options);
    recordUsage(c, response);
    return c.json(response);
  });

  app.post('/v1/responses', async (c) => {
    const body = await modelRequest(c);
    const options = callOptions(c);
    if (body.stream === true) {
      const stream = client.responses.create(body as never, options) as unknown as AsyncIterable<unknown> & object;
      return streamResponse(c, stream, (event) => (event as { type?: string }).type);
    }
    const response = (await client.responses.create(body as never, options)) as object;
    recordUsage(c, response);
    return c.json(response);
  });

  app.post('/v1/audio/speech', async (c) => {
    const body = await modelRequest(c);
    const audio = await client.speech(body as never, callOptions(c));
    recordUsage(c, audio);
    return new Response(audio.body, { headers: { 'content-type': audio.contentType } });
  });

  app.post('/v1/audio/transcriptions', async (c) => {
    const form = await c.req.formData();
    const request: Record<string, unknown> = {};
    for (const [name, value] of form) {
      if (name.endsWith('[]')) ((request[name.slice(0, -2)] ??= []) as unknown[]).push(value);
      else request[name] = name === 'temperature' ? Number(value) : value;
    }
    if (!(request.file instanceof Blob)) throw new GatewayHttpError(400, 'invalid_request_error', 'missing_file', 'file: a file part is required');
    await admitModel(c, request);
    const response = (await client.transcribe(request as never, callOptions(c))) as object;
    recordUsage(c, response);
    return typeof response === 'string' ? c.text(response) : c.json(response);
  });

  registerFileRoutes(app, client, config, (c) => callOptions(c as GatewayContext));
  registerAnthropicRoutes(app, {
    client,
    config,
    modelRequest: (c) => modelRequest(c as GatewayContext),
    callOptions: (c) => callOptions(c as GatewayContext),
    finish: (c, result) => recordUsage(c as GatewayContext, result),
  });

  for (const [path, call] of MODEL_ROUTES) {
    app.post(path, async (c) => {
      const body = await modelRequest(c);
      const response = (await call(client, body as never, callOptions(c))) as object;
      recordUsage(c, response);
      return c.json(response);
    });
  }

  async function authenticate(c: GatewayContext): Promise<VirtualKey | undefined> {
    if (open) return undefined;
    const presented = presentedKey(c.req.raw.headers);
    if (presented === undefined) throw new GatewayHttpError(401, 'invalid_request_error', 'missing_api_key', 'no API key: send authorization: Bearer <key> or x-api-key');
    const keyHash = hashVirtualKey(presented);
    const configured = keys.get(keyHash);
    const key = configured !== undefined && !(await stores.keys.isRevoked(configured.name)) ? configured : configured === undefined ? await stores.keys.findByHash(keyHash) : undefined;
    if (key === undefined) throw new GatewayHttpError(401, 'invalid_request_error', 'invalid_api_key', 'unknown API key');
    return key;
  }

  async function modelRequest(c: GatewayContext): Promise<Record<string, unknown>> {
    const body = await readJsonObject(c);
    await admitModel(c, body);
    return body;
  }

  /** Checks the request's model against the config and the key, and takes room in the key's limits. */
  async function admitModel(c: GatewayContext, body: Record<string, unknown>): Promise<void> {
    c.set('model', access.check(body.model, c.get('key')));
    c.set('admission', await limits.admit(c.get('key'), body));
  }

  function callOptions(c: GatewayContext): CallOptions {
    const key = c.get('key');
    // The client's abort (a closed connection) cancels the upstream request.
    return { signal: c.req.raw.signal, ...(key === undefined ? {} : { tags: [`key:${key.name}`] }) };
  }

  /** Records a finished call's tokens and cost in the metrics and in its key's limits and budget. */
  function recordUsage(c: GatewayContext, result: object): void {
    let info: ReturnType<typeof callInfo> | undefined;
    try {
      info = callInfo(result);
    } catch {
      // No call info (a stream that failed before it opened): only the admission is given back.
    }
    metrics.usage({ model: c.get('model') ?? '', key: c.get('key')?.name ?? '' }, info?.usage, info?.costUsd);
    void c.get('admission')?.settle(info === undefined ? undefined : { totalTokens: info.usage?.total_tokens, costUsd: info.costUsd });
  }

  /**
   * Streams `data:` lines (with `event:` lines when `eventName` names them) and `[DONE]` for chat;
   * a failure mid-stream becomes a final error event. The call is recorded once the stream is over.
   */
  function streamResponse(c: GatewayContext, stream: AsyncIterable<unknown> & object, eventName?: (event: unknown) => string | undefined): Promise<Response> {
    return sseResponse(stream[Symbol.asyncIterator](), {
      format(event) {
        const name = eventName?.(event);
        return `${name === undefined ? '' : `event: ${name}\n`}data: ${JSON.stringify(event)}\n\n`;
      },
      formatError: (error) => `${eventName === undefined ? '' : 'event: error\n'}data: ${JSON.stringify(openAiErrorBody(toOpenAiError(error)))}\n\n`,
      ...(eventName === undefined ? { last: 'data: [DONE]\n\n' } : {}),
      onEnd: () => recordUsage(c, stream),
    });
  }

  return {
    fetch: (request) => Promise.resolve(app.fetch(request)),
    metrics,
    beginShutdown() {
      shuttingDown = true;
    },
    close() {
      client.close();
      void stores.close();
    },
  };
}

function errorResponse(c: Context, error: unknown): Response {
  if (c.req.path === '/v1/messages') {
    const anthropic = anthropicErrorAnswer(error);
    return c.json(anthropic.body, anthropic.status as 400, anthropic.headers ?? {});
  }
  const answer = toOpenAiError(error);
  return c.json(openAiErrorBody(answer), answer.status as 400, answer.headers);
}
