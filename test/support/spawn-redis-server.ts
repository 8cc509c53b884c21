import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './find-free-port.js';

/**
 * A `redis-server` this test owns, on a free loopback port, that it may kill and restart (the
 * shared server of `LITER_LLM_REDIS_URL` must never be killed: other tests use it). Under CI a
 * missing binary is an error, never a silent skip; elsewhere the tests that need it are skipped.
 */
export const redisServerBinary = findRedisServer();
if (redisServerBinary === undefined && process.env.CI) {
  throw new Error('redis-server is not on PATH under CI: the store outage tests must run against a real server');
}

export interface OwnedRedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts the server (again) on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown, no goodbye to connected clients. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Kills it if running and removes its directory. */
  dispose(): Promise<void>;
}

export async function createOwnedRedisServer(): Promise<OwnedRedisServer> {
  if (redisServerBinary === undefined) throw new Error('redis-server is not on PATH');
  const binary = redisServerBinary;
  const port = await findFreePort();
  const dir = mkdtempSync(join(tmpdir(), 'liter-llm-redis-'));
  let child: ChildProcess | undefined;
  // A test worker that dies mid-test must not leave its server running.
  const killOnExit = (): void => void child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  const server: OwnedRedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
        stdio: 'ignore',
      });
      for (let attempt = 0; attempt < 100; attempt += 1) {
        if (await accepts(port)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`redis-server did not start on port ${port}`);
    },
    async kill() {
      const running = child;
      child = undefined;
      if (running === undefined || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async dispose() {
      process.off('exit', killOnExit);
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
