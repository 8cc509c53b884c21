import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { checkGatewayConfig } from '../config/check-gateway-config.js';
import type { GatewayConfig, GatewayKeyEntry } from '../config/gateway-config.js';
import { validateGatewayConfigShape } from '../config/validate-gateway-config-shape.js';
import type { GatewayStores } from './create-gateway-stores.js';
import { GatewayHttpError } from './gateway-http-error.js';
import type { KeyLimits } from './key-limits.js';
import { readJsonObject } from './read-json-object.js';
import { hashVirtualKey, toVirtualKey, type VirtualKey } from './virtual-keys.js';

export interface AdminRoutesInput {
  readonly config: GatewayConfig;
  readonly stores: GatewayStores;
  readonly limits: KeyLimits;
  /** The config's keys by hash. */
  readonly configKeys: ReadonlyMap<string, VirtualKey>;
  readonly authenticate: (c: Context) => Promise<VirtualKey | undefined>;
}

/**
 * The admin API, master key only: create a virtual key (answered once, kept as its hash), read a
 * key's limits and its spend this period (never the key), delete or revoke one. Keys created here
 * and keys of the config behave alike; with Redis, every replica sees a change within a second.
 */
export function registerAdminRoutes<E extends object>(app: Hono<E>, input: AdminRoutesInput): void {
  const { config, stores, limits, configKeys } = input;
  const configByName = new Map([...configKeys.values()].filter((key) => !key.master).map((key) => [key.name, key]));
  const routes = app as unknown as Hono;

  routes.use('/admin/*', async (c, next) => {
    const key = await input.authenticate(c);
    if (key?.master !== true) throw new GatewayHttpError(403, 'permission_error', 'master_key_required', 'the admin API needs the master key');
    await next();
  });

  routes.post('/admin/keys', async (c) => {
    const entry = checkKeyEntry(config, await readJsonObject(c));
    if (configByName.has(entry.name) || (await stores.keys.findByName(entry.name)) !== undefined) {
      throw new GatewayHttpError(409, 'invalid_request_error', 'key_exists', `a key named "${entry.name}" exists`);
    }
    const secret = `sk-llm-${randomBytes(24).toString('base64url')}`;
    const key = toVirtualKey({ ...entry, key: secret });
    if (!(await stores.keys.create(key))) throw new GatewayHttpError(409, 'invalid_request_error', 'key_exists', `a key named "${entry.name}" exists`);
    return c.json({ ...describe(key), key: secret }, 201);
  });

  routes.get('/admin/keys/:name', async (c) => {
    const key = await find(c.req.param('name'));
    return c.json({ ...describe(key), spendUsd: await limits.spendUsd(key) });
  });

  routes.delete('/admin/keys/:name', async (c) => {
    const name = c.req.param('name');
    await find(name);
    await stores.keys.revoke(name);
    return c.body(null, 204);
  });

  async function find(name: string): Promise<VirtualKey> {
    const key = configByName.get(name) ?? (await stores.keys.findByName(name));
    if (key === undefined || (await stores.keys.isRevoked(name))) throw new GatewayHttpError(404, 'invalid_request_error', 'key_not_found', `no key named "${name}"`);
    return key;
  }
}

/** A key as the admin API shows it: its limits, never the key or its hash. */
function describe(key: VirtualKey): Record<string, unknown> {
  return { name: key.name, models: key.models ?? null, rpm: key.rpm ?? null, tpm: key.tpm ?? null, budgetUsd: key.budgetUsd ?? null, budgetPeriod: key.budgetPeriod ?? null };
}

/** The body of `POST /admin/keys`, checked like a key of the config file (without `key`, which the gateway makes). */
function checkKeyEntry(config: GatewayConfig, body: Record<string, unknown>): GatewayKeyEntry {
  const refuse = (message: string): never => {
    throw new GatewayHttpError(400, 'invalid_request_error', 'invalid_key_entry', message);
  };
  if ('key' in body || 'keyHash' in body) return refuse('key and keyHash are made by the gateway; leave them out');
  // A placeholder key lets the config checks run unchanged; it never leaves this function.
  const candidate = { ...body, key: hashVirtualKey('placeholder') };
  const rename = (path: string): string => path.replace(/^keys\[0\]\.?/, '') || 'body';
  const shape = validateGatewayConfigShape({ models: [], keys: [candidate] });
  if (shape.length > 0) return refuse(shape.map((problem) => `${rename(problem.path)}: ${problem.message}`).join('; '));
  const meaning = checkGatewayConfig({ ...config, client: {}, keys: [candidate as unknown as GatewayKeyEntry] });
  if (meaning.length > 0) return refuse(meaning.map((problem) => `${rename(problem.path)}: ${problem.message}`).join('; '));
  const { key: _placeholder, ...entry } = candidate;
  return entry as unknown as GatewayKeyEntry;
}
