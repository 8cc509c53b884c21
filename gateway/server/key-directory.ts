import type { RedisCommandClient } from '../../src/index.js';
import type { VirtualKey } from './virtual-keys.js';

/**
 * Keys created through the admin API, and revocations of any key, shared by every replica through
 * the store. Reads are cached for `cacheMs` (500 by default), so a key created or revoked on one
 * replica works or stops working on all of them within a second, without a store round trip on
 * every request.
 */
export interface KeyDirectory {
  /** An admin-created key by its hash, unless revoked. */
  findByHash(keyHash: string): Promise<VirtualKey | undefined>;
  findByName(name: string): Promise<VirtualKey | undefined>;
  /** False when the name is taken. */
  create(key: VirtualKey): Promise<boolean>;
  /** Deletes an admin key or revokes a config key; false when there was nothing to revoke. */
  revoke(name: string): Promise<boolean>;
  isRevoked(name: string): Promise<boolean>;
}

interface Backend {
  getByHash(keyHash: string): Promise<string | undefined>;
  getByName(name: string): Promise<string | undefined>;
  /** Sets both entries unless the name exists. */
  put(name: string, keyHash: string, json: string): Promise<boolean>;
  remove(name: string): Promise<boolean>;
  addRevoked(name: string): Promise<boolean>;
  isRevoked(name: string): Promise<boolean>;
}

export function createKeyDirectory(backend: Backend, options: { cacheMs?: number; now?: () => number } = {}): KeyDirectory {
  const cacheMs = options.cacheMs ?? 500;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = cache.get(key);
    if (hit !== undefined && now() - hit.at < cacheMs) return hit.value as Promise<T>;
    const value = load();
    cache.set(key, { at: now(), value });
    // A failed read is not remembered.
    value.catch(() => cache.delete(key));
    if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
    return value;
  };
  const parse = (json: string | undefined): VirtualKey | undefined => (json === undefined ? undefined : (JSON.parse(json) as VirtualKey));
  const directory: KeyDirectory = {
    async findByHash(keyHash) {
      const key = parse(await cached(`hash:${keyHash}`, () => backend.getByHash(keyHash)));
      if (key === undefined || (await directory.isRevoked(key.name))) return undefined;
      return key;
    },
    async findByName(name) {
      return parse(await backend.getByName(name));
    },
    async create(key) {
      cache.clear();
      return backend.put(key.name, key.keyHash, JSON.stringify(key));
    },
    async revoke(name) {
      cache.clear();
      const removed = await backend.remove(name);
      const revoked = await backend.addRevoked(name);
      return removed || revoked;
    },
    isRevoked(name) {
      return cached(`revoked:${name}`, () => backend.isRevoked(name));
    },
  };
  return directory;
}

/** One process's directory. */
export function createMemoryKeyBackend(): Backend {
  const byName = new Map<string, { keyHash: string; json: string }>();
  const byHash = new Map<string, string>();
  const revoked = new Set<string>();
  return {
    getByHash: async (keyHash) => byHash.get(keyHash),
    getByName: async (name) => byName.get(name)?.json,
    async put(name, keyHash, json) {
      if (byName.has(name)) return false;
      byName.set(name, { keyHash, json });
      byHash.set(keyHash, json);
      revoked.delete(name);
      return true;
    },
    async remove(name) {
      const entry = byName.get(name);
      if (entry === undefined) return false;
      byName.delete(name);
      byHash.delete(entry.keyHash);
      return true;
    },
    addRevoked: async (name) => !revoked.has(name) && revoked.add(name).has(name),
    isRevoked: async (name) => revoked.has(name),
  };
}

/** The directory in Redis: `<prefix>keys` (name -> entry), `<prefix>key-hashes` (hash -> entry), `<prefix>revoked`. */
export function createRedisKeyBackend(redis: RedisCommandClient, prefix = 'liter-llm:gateway:'): Backend {
  const names = `${prefix}keys`;
  const hashes = `${prefix}key-hashes`;
  const revokedSet = `${prefix}revoked`;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : undefined);
  return {
    getByHash: async (keyHash) => text(await redis.sendCommand(['HGET', hashes, keyHash])),
    getByName: async (name) => text(await redis.sendCommand(['HGET', names, name])),
    async put(name, keyHash, json) {
      // HSETNX claims the name atomically; the hash entry and un-revoking follow.
      if (Number(await redis.sendCommand(['HSETNX', names, name, json])) !== 1) return false;
      await redis.sendCommand(['HSET', hashes, keyHash, json]);
      await redis.sendCommand(['SREM', revokedSet, name]);
      return true;
    },
    async remove(name) {
      const json = text(await redis.sendCommand(['HGET', names, name]));
      if (json === undefined) return false;
      const { keyHash } = JSON.parse(json) as VirtualKey;
      await redis.sendCommand(['HDEL', hashes, keyHash]);
      return Number(await redis.sendCommand(['HDEL', names, name])) === 1;
    },
    addRevoked: async (name) => Number(await redis.sendCommand(['SADD', revokedSet, name])) === 1,
    isRevoked: async (name) => Number(await redis.sendCommand(['SISMEMBER', revokedSet, name])) === 1,
  };
}
