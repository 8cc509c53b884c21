/**
 * The benchmark: `npm run bench` (full) or `npm run bench:quick`. Builds src/, generated/ and
 * bench/ to plain JS (esbuild, no bundling) so contenders run under bare `node`, starts the mock on
 * core 1 and each contender in its own process on core 0, checks every contender's output is
 * identical, then runs interleaved rounds in random order. Ratios to `fetch` are taken inside each
 * round; the table shows the median over rounds and its spread (min–max). Writes
 * bench/results/latest.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { RunResult, WorkerCommand } from './contender-worker.js';
import { measureBundle, type BundleSize } from './measure-bundle.js';
import { buildDist } from '../scripts/build-dist.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', '.build');
const quick = process.argv.includes('--quick');
const CONTENDERS = ['fetch', 'undici', 'openai', 'ai-sdk', 'liter-bare', 'liter-full', 'liter-undici'] as const;
type Name = (typeof CONTENDERS)[number];
const BUNDLES = ['fetch', 'openai', 'ai-sdk', 'liter-llm', 'liter-llm-main'] as const;
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pinned = (core: number, args: string[]): [string, string[]] =>
  hasTaskset ? ['taskset', ['-c', String(core), process.execPath, ...args]] : [process.execPath, args];

const scale = quick ? 0.5 : 2;
const ROUNDS = quick ? 3 : 5;
interface Metric {
  readonly id: string;
  readonly label: string;
  readonly command: WorkerCommand;
  readonly unit: string;
  readonly reduce: (result: RunResult) => Record<string, number>;
}
const unary = (mode: string, concurrency: number, count: number, latencies = false): WorkerCommand => ({ op: 'unary', mode, concurrency, count: Math.max(1, Math.round(count * scale)), latencies });
const stream = (mode: string, concurrency: number, count: number): WorkerCommand => ({ op: 'stream', mode, concurrency, count: Math.max(1, Math.round(count * scale)) });
const perRequest = (result: RunResult) => ({ cpuUsPerRequest: result.cpuUs / result.count, requestsPerSecond: (result.count * 1000) / result.wallMs });
const perChunk = (chunks: number) => (result: RunResult) => ({ cpuUsPerChunk: result.cpuUs / (result.count * chunks) });
const METRICS: Metric[] = [
  { id: 'unary16', label: 'unary 0.5 KB, c=16', command: unary('unary-small', 16, 800), unit: 'µs CPU/req', reduce: perRequest },
  { id: 'unaryLarge16', label: 'unary 10 KB, c=16', command: unary('unary-large', 16, 300), unit: 'µs CPU/req', reduce: perRequest },
  {
    id: 'unary1',
    label: 'unary 0.5 KB, c=1',
    command: unary('unary-small', 1, 200, true),
    unit: 'ms',
    reduce: (result) => {
      const sorted = [...(result.latenciesMs ?? [])].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
      return { p50Ms: at(0.5), p99Ms: at(0.99), requestsPerSecond: (result.count * 1000) / result.wallMs, cpuUsPerRequest: result.cpuUs / result.count };
    },
  },
  { id: 'unary64', label: 'unary 0.5 KB, c=64', command: unary('unary-small', 64, 800), unit: 'req/s', reduce: perRequest },
  { id: 'stream16', label: 'stream N=16', command: stream('stream-16', 4, 100), unit: 'µs CPU/chunk', reduce: perChunk(16) },
  { id: 'stream256', label: 'stream N=256', command: stream('stream-256', 4, 12), unit: 'µs CPU/chunk', reduce: perChunk(256) },
  { id: 'stream4096', label: 'stream N=4096', command: stream('stream-4096', 2, 4), unit: 'µs CPU/chunk', reduce: perChunk(4096) },
  { id: 'stream16384', label: 'stream N=16384', command: stream('stream-16384', 1, 2), unit: 'µs CPU/chunk', reduce: perChunk(16_384) },
  { id: 'paced', label: 'paced 20 ms, 32 streams x 24', command: { op: 'stream', mode: 'paced-24', concurrency: 32, count: 32 }, unit: 'µs CPU/chunk', reduce: perChunk(24) },
];

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

function listTs(directory: string): string[] {
  return readdirSync(join(root, directory), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('.build'))
    .map((file) => join(root, directory, file));
}

/** The package's own modules, as `npm run build` emits them (`dist/`), under this name. */
const DIST_ENTRIES: ReadonlyArray<[RegExp, string]> = [
  [/\/src\/index\.js$/, 'index.js'],
  [/\/src\/core\.js$/, 'core.js'],
  [/\/src\/undici-entry\.js$/, 'undici.js'],
  [/\/generated\/providers\/([a-z0-9_]+)\.js$/, 'providers/$1.js'],
];

/**
 * The package is built exactly as `npm run build` builds it (bundled entries with lazily loaded
 * chunks, in `.build/dist/`), and the harness is compiled with its imports of `src/index.js`,
 * `src/core.js` and `generated/providers/*` pointed at that build: the contenders run and start
 * what users install, under bare `node`.
 */
async function buildAll(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  await buildDist(join(out, 'dist'));
  await build({
    entryPoints: listTs('bench').filter((file) => !file.includes(`${join('bench', 'bundle-entries')}`)),
    outdir: out,
    outbase: root,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'package-from-dist',
        setup(builder) {
          builder.onResolve({ filter: /(src|generated)\// }, (args) => {
            const absolute = join(args.resolveDir, args.path);
            for (const [pattern, target] of DIST_ENTRIES) {
              if (pattern.test(absolute)) return { path: join(out, 'dist', absolute.replace(/^.*?\/(src|generated)\//, '/$1/').replace(pattern, target)), external: true };
            }
            return undefined;
          });
        },
      },
    ],
  });
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
}

class Worker {
  readonly #child: ChildProcess;
  #next = 1;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly ready: Promise<unknown>;
  constructor(readonly name: Name, origin: string) {
    const [command, args] = pinned(0, ['--expose-gc', join(out, 'bench', 'contender-worker.js'), name, origin]);
    this.#child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((resolve) => this.#waiting.set(0, { resolve, reject: () => {} }));
    this.#child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiter = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(`${this.name}: ${message.error}`));
      else waiter?.resolve(message.result);
    });
  }
  send<T>(command: WorkerCommand): Promise<T> {
    const id = this.#next;
    this.#next += 1;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#child.send({ id, command });
    });
  }
  kill(): void {
    this.#child.kill();
  }
}

async function startMock(): Promise<{ origin: string; child: ChildProcess }> {
  const [command, args] = pinned(1, [join(out, 'bench', 'mock-server.js')]);
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    child.stdout?.once('data', (data: Buffer) => resolve((JSON.parse(data.toString()) as { port: number }).port));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

async function mockStats(origin: string): Promise<{ requests: number; cpuUs: number }> {
  return (await (await fetch(`${origin}/__stats`)).json()) as { requests: number; cpuUs: number };
}

function timeProcess(args: string[]): number {
  const [command, fullArgs] = pinned(0, args);
  const begin = performance.now();
  const result = spawnSync(command, fullArgs, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  return performance.now() - begin;
}

async function main(): Promise<void> {
  const begun = performance.now();
  await buildAll();
  if (process.argv.includes('--build-only')) return;
  const mock = await startMock();
  const workers = CONTENDERS.map((name) => new Worker(name, mock.origin));
  await Promise.all(workers.map((worker) => worker.ready));
  const log = (text: string) => process.stderr.write(`[bench ${((performance.now() - begun) / 1000).toFixed(0)}s] ${text}\n`);

  // Identical output before any timing.
  const reference = JSON.stringify(await (workers[0] as Worker).send({ op: 'check' }));
  for (const worker of workers) {
    const output = JSON.stringify(await worker.send({ op: 'check' }));
    if (output !== reference) throw new Error(`${worker.name} output differs from fetch:\n${output.slice(0, 300)}\n${reference.slice(0, 300)}`);
  }
  log('outputs identical');
  for (const worker of workers) await worker.send({ op: 'warmup', count: quick ? 800 : 3000 });
  log('warmed up');

  // Rounds: metrics in order, contenders shuffled within each; ratios to fetch per round.
  type Values = Record<string, number>;
  const raw: Record<string, Record<Name, Values[]>> = {};
  const mockBound: string[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const metric of METRICS) {
      raw[metric.id] ??= Object.fromEntries(CONTENDERS.map((name) => [name, []])) as unknown as Record<Name, Values[]>;
      for (const worker of shuffle(workers)) {
        const statsBefore = await mockStats(mock.origin);
        const result = await worker.send<RunResult>(metric.command);
        const statsAfter = await mockStats(mock.origin);
        const mockLoad = (statsAfter.cpuUs - statsBefore.cpuUs) / 1000 / result.wallMs;
        if (mockLoad > 0.85) mockBound.push(`${metric.id}/${worker.name} round ${round}: mock at ${(mockLoad * 100).toFixed(0)}% of a core`);
        (raw[metric.id] as Record<Name, Values[]>)[worker.name].push({ ...metric.reduce(result), mockLoad });
      }
    }
    log(`round ${round + 1}/${ROUNDS} done`);
  }

  // Held streams and time to first chunk, once per contender.
  const held: Record<string, { heapPerStreamKB: number; ttfcP50Ms: number }> = {};
  for (const worker of shuffle(workers)) {
    const heap = await worker.send<{ heapPerStreamBytes: number }>({ op: 'hold', count: 256 });
    const ttfc = await worker.send<{ ttfcMs: number[] }>({ op: 'ttfc', count: quick ? 20 : 100 });
    held[worker.name] = { heapPerStreamKB: heap.heapPerStreamBytes / 1024, ttfcP50Ms: median(ttfc.ttfcMs) };
  }
  log('held streams measured');
  for (const worker of workers) worker.kill();

  const bundles: Record<string, BundleSize> = {};
  const hooksUrl = pathToFileURL(join(out, 'bench', 'record-loads-hooks.js')).href;
  for (const name of BUNDLES) bundles[name] = await measureBundle(name, { root, outDir: join(out, 'bundles'), origin: `${mock.origin}/stream-16/v1`, hooksUrl });
  log('bundles measured');

  // Fresh processes: import time and time to first response, above an empty node process.
  const freshRuns = quick ? 3 : 11;
  const fresh = join(out, 'bench', 'fresh-start.js');
  const startup: Record<string, { importMs: number; firstResponseMs: number }> = {};
  const emptyRuns: number[] = [];
  const importRuns: Record<string, number[]> = {};
  const firstRuns: Record<string, number[]> = {};
  for (let run = 0; run < freshRuns; run += 1) {
    emptyRuns.push(timeProcess([fresh, 'empty']));
    for (const name of shuffle(CONTENDERS)) {
      (importRuns[name] ??= []).push(timeProcess([fresh, name, 'import']));
      (firstRuns[name] ??= []).push(timeProcess([fresh, name, 'first', mock.origin]));
    }
  }
  const emptyMs = median(emptyRuns);
  for (const name of CONTENDERS) {
    startup[name] = { importMs: median(importRuns[name] ?? []) - emptyMs, firstResponseMs: median(firstRuns[name] ?? []) - emptyMs };
  }
  log('start-up measured');
  mock.child.kill();


  // Summaries: per metric and contender, the median value and the median (min–max) ratio to fetch.
  const summary: Record<string, Record<string, { median: Values; ratio: Values; ratioMin: Values; ratioMax: Values }>> = {};
  for (const metric of METRICS) {
    const byName = raw[metric.id] as Record<Name, Values[]>;
    summary[metric.id] = {};
    for (const name of CONTENDERS) {
      const rows = byName[name];
      const keys = Object.keys(rows[0] ?? {});
      const entry = { median: {} as Values, ratio: {} as Values, ratioMin: {} as Values, ratioMax: {} as Values };
      for (const key of keys) {
        entry.median[key] = median(rows.map((row) => row[key] as number));
        const ratios = rows.map((row, round) => (row[key] as number) / (byName.fetch[round]?.[key] as number));
        entry.ratio[key] = median(ratios);
        entry.ratioMin[key] = Math.min(...ratios);
        entry.ratioMax[key] = Math.max(...ratios);
      }
      (summary[metric.id] as Record<string, typeof entry>)[name] = entry;
    }
  }
  // Flatness of the marginal cost per chunk: (CPU per stream at N - CPU per stream at 16) / (N - 16)
  // for N = 256, 4096 and 16384, as the largest deviation from their median. The raw per-chunk
  // figure at N = 16 is dominated by the request itself, for every contender including fetch.
  const flatness: Record<string, number> = {};
  const marginal: Record<string, Record<string, number>> = {};
  for (const name of CONTENDERS) {
    const perStream = (id: string, chunks: number): number => (summary[id]?.[name]?.median.cpuUsPerChunk as number) * chunks;
    const base = perStream('stream16', 16);
    const values = [
      ['256', (perStream('stream256', 256) - base) / 240],
      ['4096', (perStream('stream4096', 4096) - base) / 4080],
      ['16384', (perStream('stream16384', 16_384) - base) / 16_368],
    ] as const;
    marginal[name] = Object.fromEntries(values);
    const middle = median(values.map(([, value]) => value));
    flatness[name] = Math.max(...values.map(([, value]) => Math.abs(value / middle - 1)));
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    pinned: hasTaskset ? 'mock on core 1, client on core 0 (taskset)' : 'not pinned (no taskset)',
  };
  const results = {
    profile: quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    durationS: Math.round((performance.now() - begun) / 1000),
    machine,
    rounds: ROUNDS,
    metrics: Object.fromEntries(METRICS.map((metric) => [metric.id, { label: metric.label, unit: metric.unit, command: metric.command }])),
    summary,
    flatness,
    marginalCpuUsPerChunk: marginal,
    held,
    startup: { emptyNodeMs: emptyMs, ...startup },
    bundles,
    mockBound,
    raw,
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', 'latest.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${renderTable(results)}\nwritten: ${relative(root, file)}\n`);
}

type Results = {
  profile: string;
  durationS: number;
  machine: Record<string, string | number>;
  rounds: number;
  summary: Record<string, Record<string, { median: Record<string, number>; ratio: Record<string, number>; ratioMin: Record<string, number>; ratioMax: Record<string, number> }>>;
  flatness: Record<string, number>;
  marginalCpuUsPerChunk: Record<string, Record<string, number>>;
  held: Record<string, { heapPerStreamKB: number; ttfcP50Ms: number }>;
  startup: Record<string, number | { importMs: number; firstResponseMs: number }>;
  bundles: Record<string, { gzipBytes: number; totalGzipBytes?: number; loadedFiles?: readonly string[] }>;
  mockBound: string[];
};

export function renderTable(results: Results): string {
  const cell = (metric: string, name: string, key: string, digits = 1, ratio = true): string => {
    const entry = results.summary[metric]?.[name];
    if (entry === undefined) return '–';
    const value = (entry.median[key] as number).toFixed(digits);
    if (!ratio || name === 'fetch') return value;
    return `${value} (${(entry.ratio[key] as number).toFixed(2)}x ${(entry.ratioMin[key] as number).toFixed(2)}–${(entry.ratioMax[key] as number).toFixed(2)})`;
  };
  const rows: Array<[string, (name: string) => string]> = [
    ['CPU µs/req, c=16 (x fetch, min–max)', (name) => cell('unary16', name, 'cpuUsPerRequest')],
    ['CPU µs/req 10 KB, c=16', (name) => cell('unaryLarge16', name, 'cpuUsPerRequest')],
    ['p50 ms, c=1', (name) => cell('unary1', name, 'p50Ms', 3, false)],
    ['p99 ms, c=1', (name) => cell('unary1', name, 'p99Ms', 3, false)],
    ['req/s c=1', (name) => cell('unary1', name, 'requestsPerSecond', 0, false)],
    ['req/s c=16', (name) => cell('unary16', name, 'requestsPerSecond', 0, false)],
    ['req/s c=64', (name) => cell('unary64', name, 'requestsPerSecond', 0, false)],
    ['stream CPU µs/chunk N=16', (name) => cell('stream16', name, 'cpuUsPerChunk', 2, false)],
    ['stream CPU µs/chunk N=256', (name) => cell('stream256', name, 'cpuUsPerChunk', 2)],
    ['stream CPU µs/chunk N=4096', (name) => cell('stream4096', name, 'cpuUsPerChunk', 2)],
    ['stream CPU µs/chunk N=16384', (name) => cell('stream16384', name, 'cpuUsPerChunk', 2, false)],
    ['marginal µs/chunk 256 / 4096 / 16384', (name) => Object.values(results.marginalCpuUsPerChunk[name] ?? {}).map((value) => value.toFixed(2)).join(' / ')],
    ['flatness of marginal (max dev.)', (name) => `±${((results.flatness[name] ?? 0) * 100).toFixed(0)}%`],
    ['paced 20 ms CPU µs/chunk', (name) => cell('paced', name, 'cpuUsPerChunk', 2)],
    ['time to first chunk ms', (name) => (results.held[name]?.ttfcP50Ms ?? Number.NaN).toFixed(2)],
    ['heap per open stream KB', (name) => (results.held[name]?.heapPerStreamKB ?? Number.NaN).toFixed(1)],
    ['import ms above empty node', (name) => ((results.startup[name] as { importMs: number } | undefined)?.importMs ?? Number.NaN).toFixed(1)],
    ['first response ms above empty node', (name) => ((results.startup[name] as { firstResponseMs: number } | undefined)?.firstResponseMs ?? Number.NaN).toFixed(1)],
  ];
  const names = Object.keys(results.held);
  const ordered = CONTENDERS.filter((name) => names.includes(name));
  const lines = [
    `| metric | ${ordered.join(' | ')} |`,
    `| --- | ${ordered.map(() => '---').join(' | ')} |`,
    ...rows.map(([label, render]) => `| ${label} | ${ordered.map(render).join(' | ')} |`),
  ];
  const bundleLine = Object.entries(results.bundles)
    .map(([name, size]) => {
      const lazy = size.totalGzipBytes === undefined || size.totalGzipBytes === size.gzipBytes ? '' : ` (${(size.totalGzipBytes / 1024).toFixed(1)} KB with every lazy chunk)`;
      return `${name} ${(size.gzipBytes / 1024).toFixed(1)} KB${lazy}`;
    })
    .join(', ');
  return [
    `liter-llm bench (${results.profile}, ${results.rounds} rounds, ${results.durationS} s) on ${results.machine.cpu} x${results.machine.cores}, Node ${results.machine.node}, ${results.machine.pinned}`,
    '',
    ...lines,
    '',
    `Bundle, minified + gzip, files loaded by a one-provider streaming chat: ${bundleLine}`,
    results.mockBound.length === 0 ? 'Mock never above 85% of its core: no run was mock-bound.' : `MOCK-BOUND runs:\n  ${results.mockBound.join('\n  ')}`,
  ].join('\n');
}

if (process.argv[1] !== undefined && /run-bench\.(js|ts)$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
