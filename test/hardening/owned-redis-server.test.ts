import { createServer, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOwnedRedisServer, redisServerBinary } from '../support/spawn-redis-server.js';

// The outage tests restart their redis-server on the port it had. These pin down the two ways a
// restart went wrong in CI: the port handed to another process while the server was down, and a
// start that took any open port for a running Redis.

describe.skipIf(redisServerBinary === undefined)('a redis-server owned by a test', () => {
  it('takes its port below the ephemeral range, where listen(0) and outgoing connections never land', async () => {
    const server = await createOwnedRedisServer();
    try {
      const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
      expect(server.port).toBeLessThan(low as number);
      expect(server.port).toBeGreaterThanOrEqual(1024);
    } finally {
      await server.dispose();
    }
  });

  it('fails its restart loudly when another process holds the port, instead of taking that process for Redis', async () => {
    const server = await createOwnedRedisServer();
    let impostor: Server | undefined;
    try {
      await server.start();
      await server.kill();
      // Accepts connections and never answers: what a test's mock server on that port looks like to a Redis client.
      impostor = createServer((socket) => socket.on('error', () => {}).resume());
      await new Promise<void>((resolve) => impostor?.listen(server.port, '127.0.0.1', resolve));
      await expect(server.start()).rejects.toThrow(/is the port taken\?|did not answer PING/);
      await new Promise<void>((resolve) => impostor?.close(() => resolve()));
      impostor = undefined;
      await server.start();
    } finally {
      impostor?.close();
      await server.dispose();
    }
  });
});
