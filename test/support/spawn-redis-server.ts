import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A `redis-server` this test owns, on a free loopback port, that it may kill and restart (the
 * shared server of `LITER_LLM_REDIS_URL` must never be killed: other tests use it). Under CI a
 * missing binary is an error, never a silent skip; elsewhere the tests that need it are skipped.
 *
 * The port is taken below the kernel's ephemeral range. While the server is down, tests running
 * beside it keep binding port 0 and connecting out; a port from the ephemeral range can be handed
 * to one of them, and a restarted server then fails to bind while the impostor accepts
 * connections, so clients wait forever for Redis replies (a CI run hung that way). `start()` also
 * waits for a real `PONG` from its own process, never just for an open port.
 */
export const redisServerBinary = findRedisServer();
if (redisServerBinary === undefined && process.env.CI) {
  throw new Error('redis-server is not on PATH under CI: the store outage tests must run against a real server');
}

export interface OwnedRedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts the server (again) on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown, no goodbye to connected clients. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Kills it if running and removes its directory. */
  dispose(): Promise<void>;
}

const START_WAIT_MS = 10_000;

export async function createOwnedRedisServer(): Promise<OwnedRedisServer> {
  if (redisServerBinary === undefined) throw new Error('redis-server is not on PATH');
  const binary = redisServerBinary;
  const port = await freePortOutsideEphemeralRange();
  const dir = mkdtempSync(join(tmpdir(), 'liter-llm-redis-'));
  let child: ChildProcess | undefined;
  // A test worker that dies mid-test must not leave its server running.
  const killOnExit = (): void => void child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  const server: OwnedRedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
        stdio: 'ignore',
      });
      child = started;
      let exited: string | undefined;
      started.once('exit', (code, signal) => (exited = `exited (${signal ?? `code ${String(code)}`})`));
      const until = Date.now() + START_WAIT_MS;
      while (Date.now() < until) {
        if (exited !== undefined) throw new Error(`redis-server on port ${port} ${exited} before answering: is the port taken?`);
        if ((await ping(port)) && exited === undefined) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`redis-server did not answer PING on port ${port} within ${START_WAIT_MS} ms`);
    },
    async kill() {
      const running = child;
      child = undefined;
      if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
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

/** The kernel's ephemeral port range (Linux); the common default elsewhere. */
function ephemeralRange(): readonly [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low !== undefined && high !== undefined && Number.isInteger(low) && Number.isInteger(high)) return [low, high];
  } catch {
    // Not Linux: fall through.
  }
  return [32768, 60999];
}

/** A free port in the 10,000 ports just below the ephemeral range, tried at random. */
async function freePortOutsideEphemeralRange(): Promise<number> {
  const [low] = ephemeralRange();
  const floor = Math.max(1024, low - 10_000);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = floor + Math.floor(Math.random() * (low - floor));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${floor} and ${low - 1}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** True when something on `port` answers a RESP `PING` with `+PONG` within a second. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (answer: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), 1_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
