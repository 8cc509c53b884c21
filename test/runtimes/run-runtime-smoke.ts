// `npm run test:runtimes`: the built package (`dist/`, from `npm run build`) in Deno, Bun, workerd,
// edge-runtime and headless Chromium, each running every scenario of run-smoke-scenarios.ts against
// one loopback mock. Runtimes come from `npm ci --prefix test/runtimes` (Chromium from apt), which
// `.ci/run` does. Under CI a runtime that is not installed fails the run; elsewhere it is skipped
// with a warning. `--only deno,bun` runs some of them.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInBun } from './hosts/run-in-bun.js';
import { CHROMIUM_PATH, runInChromium } from './hosts/run-in-chromium.js';
import { runInDeno } from './hosts/run-in-deno.js';
import { runInEdgeRuntime } from './hosts/run-in-edge-runtime.js';
import { runInWorkerd } from './hosts/run-in-workerd.js';
import { SCENARIO_NAMES } from './run-smoke-scenarios.js';
import type { RuntimeHostContext, RuntimeRun } from './runtime-run.js';
import { startSmokeMock } from './start-smoke-mock.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modulesDir = join(root, 'test', 'runtimes', 'node_modules');

interface RuntimeHost {
  readonly name: string;
  /** Files that must exist for the runtime to be installed. */
  readonly needs: readonly string[];
  readonly run: (context: RuntimeHostContext) => Promise<RuntimeRun>;
}

const HOSTS: readonly RuntimeHost[] = [
  { name: 'deno', needs: [join(modulesDir, '@deno', 'linux-x64-glibc', 'deno')], run: runInDeno },
  { name: 'bun', needs: [join(modulesDir, '@oven', 'bun-linux-x64', 'bin', 'bun')], run: runInBun },
  { name: 'workerd', needs: [join(modulesDir, '@cloudflare', 'workerd-linux-64', 'bin', 'workerd')], run: runInWorkerd },
  { name: 'edge-runtime', needs: [join(modulesDir, 'edge-runtime', 'package.json')], run: runInEdgeRuntime },
  { name: 'chromium', needs: [join(modulesDir, 'playwright-core', 'package.json'), CHROMIUM_PATH], run: runInChromium },
];

function selectedHosts(argv: readonly string[]): readonly RuntimeHost[] {
  const onlyIndex = argv.indexOf('--only');
  if (onlyIndex < 0) return HOSTS;
  const names = (argv[onlyIndex + 1] ?? '').split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !HOSTS.some((host) => host.name === name));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--only takes a comma-separated list of ${HOSTS.map((host) => host.name).join(', ')}; got ${JSON.stringify(argv[onlyIndex + 1] ?? '')}`);
  return HOSTS.filter((host) => names.includes(host.name));
}

/** Every scenario passed, and each exactly once: a runtime that skipped one has not passed. */
function passed(run: RuntimeRun): boolean {
  const results = run.results ?? [];
  return results.length === SCENARIO_NAMES.length && SCENARIO_NAMES.every((name) => results.some((result) => result.name === name && result.ok));
}

async function main(): Promise<number> {
  const hosts = selectedHosts(process.argv.slice(2));
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    console.error('test:runtimes runs the built package: run `npm run build` first');
    return 1;
  }
  const underCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
  const workDir = join(root, '.tmp', 'runtime-smoke');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const mock = await startSmokeMock();
  const failures: string[] = [];
  const timings: string[] = [];
  try {
    for (const host of hosts) {
      const missing = host.needs.filter((file) => !existsSync(file));
      if (missing.length > 0) {
        const message = `${host.name}: not installed (${missing.join(', ')}); install with \`npm ci --prefix test/runtimes\` (Chromium: apt-get install chromium)`;
        if (underCi) failures.push(message);
        else console.warn(`!! SKIPPED ${message}`);
        continue;
      }
      const startedAt = Date.now();
      let run: RuntimeRun;
      try {
        run = await host.run({ workDir, mockUrl: mock.url, modulesDir });
      } catch (error) {
        run = { version: '?', results: undefined, output: error instanceof Error ? (error.stack ?? String(error)) : String(error) };
      }
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      timings.push(`${host.name} ${seconds}s`);
      console.log(`== ${host.name} (${run.version}) in ${seconds}s`);
      for (const name of SCENARIO_NAMES) {
        const result = run.results?.find((candidate) => candidate.name === name);
        const status = result === undefined ? 'NOT RUN' : result.ok ? 'ok' : 'FAIL';
        console.log(`   ${status.padEnd(7)} ${name}${result === undefined ? '' : ` (${result.ms} ms)`}${result?.detail === undefined ? '' : `\n           ${result.detail.split('\n').join('\n           ')}`}`);
      }
      if (!passed(run)) failures.push(`${host.name}: ${run.results === undefined ? 'reported no results' : 'scenarios failed'}\n--- ${host.name} output ---\n${run.output.trim() || '(nothing printed)'}\n--- end of ${host.name} output ---`);
    }
  } finally {
    await mock.close();
  }
  console.log(`== runtimes timed: ${timings.join(', ')}`);
  if (timings.length === 0) failures.push('no runtime is installed, so nothing ran: `npm ci --prefix test/runtimes`');
  if (failures.length > 0) {
    console.error(`\n!! runtime smoke suite FAILED in ${failures.length} runtime(s):\n\n${failures.join('\n\n')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
