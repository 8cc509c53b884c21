import { createHash } from 'node:crypto';
import type { GatewayConfig, GatewayKeyEntry } from '../config/gateway-config.js';

/** A virtual key as the gateway keeps it: never the key itself, only its hash. */
export interface VirtualKey {
  readonly name: string;
  /** `sha256:<hex>` of the key. */
  readonly keyHash: string;
  /** Allowed model names or patterns; undefined allows every configured model. */
  readonly models: readonly string[] | undefined;
  readonly rpm: number | undefined;
  readonly tpm: number | undefined;
  readonly budgetUsd: number | undefined;
  readonly budgetPeriod: string | undefined;
  /** The master key: every model, and the admin API. */
  readonly master: boolean;
}

/** `sha256:<hex>` of a presented key: how keys are stored and compared. */
export function hashVirtualKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export function toVirtualKey(entry: GatewayKeyEntry): VirtualKey {
  return {
    name: entry.name,
    keyHash: entry.keyHash ?? hashVirtualKey(entry.key as string),
    models: entry.models,
    rpm: entry.rpm,
    tpm: entry.tpm,
    budgetUsd: entry.budgetUsd,
    budgetPeriod: entry.budgetPeriod,
    master: false,
  };
}

/** The keys of a config by hash, the master key among them (named `master`). */
export function indexConfigKeys(config: GatewayConfig): Map<string, VirtualKey> {
  const keys = new Map<string, VirtualKey>();
  for (const entry of config.keys) {
    const key = toVirtualKey(entry);
    keys.set(key.keyHash, key);
  }
  if (config.masterKey !== undefined) {
    const keyHash = hashVirtualKey(config.masterKey);
    keys.set(keyHash, { name: 'master', keyHash, models: undefined, rpm: undefined, tpm: undefined, budgetUsd: undefined, budgetPeriod: undefined, master: true });
  }
  return keys;
}

/** The key a request presents: `authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedKey(headers: Headers): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim();
  const key = bearer ?? headers.get('x-api-key')?.trim();
  return key === undefined || key === '' ? undefined : key;
}
