import type { Context, Hono } from 'hono';
import type { CallOptions, createClient } from '../../src/index.js';
import { parseModelString } from '../../src/routing/parse-model-string.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { patternProvider } from '../config/create-gateway-client-options.js';
import { isModelPattern } from '../config/model-name-pattern.js';
import { GatewayHttpError } from './gateway-http-error.js';
import { readJsonObject } from './read-json-object.js';

type GatewayClient = ReturnType<typeof createClient>;

/**
 * `/v1/files` and `/v1/batches`: they name no model, so they go to the provider named by a
 * `provider` query parameter or form field, else the first configured model's provider. Only
 * providers the config serves are reachable, so a key cannot reach one the operator never set up.
 */
export function registerFileRoutes<E extends object>(app: Hono<E>, client: GatewayClient, config: GatewayConfig, callOptions: (c: Context) => CallOptions): void {
  const routes = app as unknown as Hono;
  const providers = configuredProviders(config);
  const providerOf = (c: Context, form?: FormData): string => {
    const named = c.req.query('provider') ?? (typeof form?.get('provider') === 'string' ? (form.get('provider') as string) : undefined);
    const provider = named ?? providers[0];
    if (provider === undefined) throw new GatewayHttpError(400, 'invalid_request_error', 'no_provider', 'no configured model names a provider for files and batches');
    if (!providers.includes(provider)) throw new GatewayHttpError(404, 'invalid_request_error', 'provider_not_configured', `provider "${provider}" is not served by this gateway`);
    return provider;
  };
  const options = (c: Context, provider: string) => ({ ...callOptions(c), provider }) as CallOptions & { provider: never };
  const listParams = (c: Context): Record<string, unknown> => {
    const params: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(c.req.query())) if (name !== 'provider') params[name] = name === 'limit' ? Number(value) : value;
    return params;
  };

  routes.post('/v1/files', async (c) => {
    const form = await c.req.formData();
    const file = form.get('file');
    const purpose = form.get('purpose');
    if (!(file instanceof Blob)) throw new GatewayHttpError(400, 'invalid_request_error', 'missing_file', 'file: a file part is required');
    if (typeof purpose !== 'string') throw new GatewayHttpError(400, 'invalid_request_error', 'missing_purpose', 'purpose: a purpose field is required');
    const provider = providerOf(c, form);
    const filename = file instanceof File ? file.name : 'file';
    return c.json(await client.files.create({ file, purpose, filename }, options(c, provider)));
  });
  routes.get('/v1/files', async (c) => c.json(await client.files.list(listParams(c) as never, options(c, providerOf(c)))));
  routes.get('/v1/files/:id', async (c) => c.json(await client.files.retrieve(c.req.param('id'), options(c, providerOf(c)))));
  routes.delete('/v1/files/:id', async (c) => c.json(await client.files.delete(c.req.param('id'), options(c, providerOf(c)))));
  routes.get('/v1/files/:id/content', async (c) => {
    const content = await client.files.content(c.req.param('id'), options(c, providerOf(c)));
    return new Response(content.body, { headers: { 'content-type': content.contentType } });
  });

  routes.post('/v1/batches', async (c) => {
    const body = await readJsonObject(c);
    const { provider: named, ...request } = body;
    if (named !== undefined && typeof named !== 'string') throw new GatewayHttpError(400, 'invalid_request_error', 'invalid_provider', 'provider must be a string');
    const provider = (named as string | undefined) ?? providerOf(c);
    if (!providers.includes(provider)) throw new GatewayHttpError(404, 'invalid_request_error', 'provider_not_configured', `provider "${provider}" is not served by this gateway`);
    return c.json(await client.batches.create(request as never, options(c, provider)));
  });
  routes.get('/v1/batches', async (c) => c.json(await client.batches.list(listParams(c) as never, options(c, providerOf(c)))));
  routes.get('/v1/batches/:id', async (c) => c.json(await client.batches.retrieve(c.req.param('id'), options(c, providerOf(c)))));
  routes.post('/v1/batches/:id/cancel', async (c) => c.json(await client.batches.cancel(c.req.param('id'), options(c, providerOf(c)))));
}

/** Providers of the configured models, in config order: each entry's model, or a pattern's literal provider. */
function configuredProviders(config: GatewayConfig): string[] {
  const providers: string[] = [];
  for (const entry of config.models) {
    const provider = isModelPattern(entry.name) ? patternProvider(entry.name) : entry.model === undefined ? undefined : parseModelString(entry.model).prefix;
    if (provider !== undefined && !providers.includes(provider)) providers.push(provider);
  }
  return providers;
}
