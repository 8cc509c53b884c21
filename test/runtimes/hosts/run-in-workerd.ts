import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '../../support/find-free-port.js';
import { bundleSmokeScript } from '../bundle-smoke-script.js';
import { runCommand } from '../run-command.js';
import type { ScenarioResult } from '../run-smoke-scenarios.js';
import type { RuntimeHostContext, RuntimeRun } from '../runtime-run.js';

const START_TIMEOUT_MS = 30_000;

/**
 * Cloudflare's workerd driven directly (wrangler and miniflare need Node 22): one ES-module worker
 * with the package bundled in, no `nodejs_compat`, whose outbound network may reach loopback. A
 * request to `/run` runs the scenarios inside a request, where Workers allow I/O.
 */
export async function runInWorkerd(context: RuntimeHostContext): Promise<RuntimeRun> {
  const workerd = join(context.modulesDir, '@cloudflare', 'workerd-linux-64', 'bin', 'workerd');
  await bundleSmokeScript({
    outFile: join(context.workDir, 'workerd-smoke.js'),
    mockUrl: context.mockUrl,
    format: 'esm',
    packageCode: 'inline',
    finish: [
      'export default {',
      '  async fetch(request) {',
      "    if (new URL(request.url).pathname !== '/run') return new Response('ready');",
      "    return new Response(JSON.stringify(await run()), { headers: { 'content-type': 'application/json' } });",
      '  },',
      '};',
    ].join('\n'),
  });
  const version = (await runCommand(workerd, ['--version'], { cwd: context.workDir, timeoutMs: 30_000 })).output.trim();
  const port = await findFreePort();
  const config = join(context.workDir, 'workerd-smoke.capnp');
  writeFileSync(
    config,
    [
      'using Workerd = import "/workerd/workerd.capnp";',
      'const config :Workerd.Config = (',
      '  services = [',
      '    (name = "main", worker = .smokeWorker),',
      // The default outbound network reaches public addresses only; the mock is on loopback.
      '    (name = "internet", network = (allow = ["public", "private", "local"])),',
      '  ],',
      `  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],`,
      ');',
      'const smokeWorker :Workerd.Worker = (',
      '  modules = [ (name = "worker", esModule = embed "workerd-smoke.js") ],',
      '  compatibilityDate = "2026-11-01",',
      ');',
      '',
    ].join('\n'),
  );
  const child = spawn(workerd, ['serve', config, '--verbose'], { cwd: context.workDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (part: Buffer) => (output += part.toString('utf8')));
  child.stderr.on('data', (part: Buffer) => (output += part.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    const base = `http://127.0.0.1:${port}`;
    if (!(await waitUntilServing(base, exited))) return { version, results: undefined, output: `${output}\nworkerd did not start serving within ${START_TIMEOUT_MS} ms` };
    const response = await fetch(`${base}/run`, { signal: AbortSignal.timeout(180_000) });
    const text = await response.text();
    if (!response.ok) return { version, results: undefined, output: `${output}\n/run answered ${response.status}: ${text}` };
    return { version, results: JSON.parse(text) as ScenarioResult[], output };
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

async function waitUntilServing(base: string, exited: Promise<void>): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!gone && Date.now() < deadline) {
    try {
      if ((await fetch(base)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
