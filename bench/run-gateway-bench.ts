/**
 * `npm run bench:gateway`: the gateway in front of the loopback mock, loaded by autocannon at
 * c=32, beside the mock loaded directly and the SDK calling it directly, in one run. Reports the
 * p50 latency the gateway adds, its CPU per request against the SDK's own CPU per call, and
 * requests/s; results in bench/results/gateway-latest.json. Targets (issue 14): added p50 at most
 * 1 ms, gateway CPU per request at most 3x the SDK's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// In-process loader (not the tsx CLI, which runs the script in a child): the measured pid is the gateway's.
const tsx = '--import=tsx';
const quick = process.argv.includes('--quick');
const DURATION_S = quick ? 5 : 15;
const CONNECTIONS = 32;
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pinned = (core: number, args: string[]): [string, string[]] => (hasTaskset ? ['taskset', ['-c', String(core), process.execPath, ...args]] : [process.execPath, args]);
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU time of a process so far, in µs (Linux /proc). */
function processCpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1e6;
}

async function start(core: number, args: string[], ready: (line: string) => string | undefined): Promise<{ child: ChildProcess; value: string }> {
  const [command, full] = pinned(core, args);
  const child = spawn(command, full, { stdio: ['pipe', 'pipe', 'inherit'] });
  const value = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = ready(line);
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return { child, value };
}

/** Paced load: requests per second across all connections, well below what the gateway can serve. */
const PACED_RATE = 200;

async function load(url: string, body: string, headers: Record<string, string>, seconds: number, overallRate?: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    connections: CONNECTIONS,
    duration: seconds,
    ...(overallRate === undefined ? {} : { overallRate }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { p50Ms: result.latency.p50, p99Ms: result.latency.p99, requestsPerSecond: result.requests.average, requests: result.requests.total };
}

const mock = await start(1, [tsx, join(root, 'bench', 'mock-server.ts')], (line) => String((JSON.parse(line) as { port: number }).port));
const origin = `http://127.0.0.1:${mock.value}`;
const dir = mkdtempSync(join(tmpdir(), 'liter-llm-gateway-bench-'));
const config = join(dir, 'gateway.yaml');
writeFileSync(
  config,
  `server: { port: 0 }
keys: [{ name: bench, key: sk-bench-key-0123456789 }]
models: [{ name: bench, model: openai/gpt-4o-mini }]
client: { providers: { openai: { baseURL: "${origin}/unary-small/v1", apiKey: bench-upstream-key } }, maxRetries: 0 }
`,
);
const gateway = await start(0, [tsx, join(root, 'gateway', 'cli', 'main.ts'), 'serve', '--config', config], (line) => {
  const parsed = JSON.parse(line) as { message?: string; url?: string };
  return parsed.message === 'listening' ? parsed.url : undefined;
});
// The gateway logs a line per request; reading them is part of running it.
gateway.child.stdout?.resume();
const body = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'Hello' }] });
const directBody = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] });
const auth = { authorization: 'Bearer sk-bench-key-0123456789' };

try {
  process.stderr.write('[bench:gateway] warming up\n');
  await load(`${gateway.value}/v1/chat/completions`, body, auth, 3);
  await load(`${origin}/unary-small/v1/chat/completions`, directBody, {}, 1);
  const rounds = quick ? 1 : 3;
  const results: Array<Record<string, number>> = [];
  for (let round = 0; round < rounds; round += 1) {
    const direct = await load(`${origin}/unary-small/v1/chat/completions`, directBody, {}, DURATION_S);
    const cpuBefore = processCpuUs(Number(gateway.child.pid));
    const through = await load(`${gateway.value}/v1/chat/completions`, body, auth, DURATION_S);
    const gatewayCpuUsPerRequest = (processCpuUs(Number(gateway.child.pid)) - cpuBefore) / through.requests;
    // The same connections, paced: the gateway's own latency rather than the queue of a saturated core.
    const pacedDirect = await load(`${origin}/unary-small/v1/chat/completions`, directBody, {}, DURATION_S, PACED_RATE);
    const pacedThrough = await load(`${gateway.value}/v1/chat/completions`, body, auth, DURATION_S, PACED_RATE);
    const [command, args] = pinned(0, [tsx, join(root, 'bench', 'gateway-sdk-loop.ts'), origin, String(CONNECTIONS), String(through.requests)]);
    const sdk = JSON.parse(spawnSync(command, args, { encoding: 'utf8' }).stdout.trim().split('\n').at(-1) as string) as { cpuUsPerCall: number; requestsPerSecond: number };
    const row = {
      directP50Ms: direct.p50Ms,
      gatewayP50Ms: through.p50Ms,
      addedP50Ms: through.p50Ms - direct.p50Ms,
      gatewayP99Ms: through.p99Ms,
      gatewayRequestsPerSecond: through.requestsPerSecond,
      directRequestsPerSecond: direct.requestsPerSecond,
      pacedDirectP50Ms: pacedDirect.p50Ms,
      pacedGatewayP50Ms: pacedThrough.p50Ms,
      pacedAddedP50Ms: pacedThrough.p50Ms - pacedDirect.p50Ms,
      pacedGatewayP99Ms: pacedThrough.p99Ms,
      gatewayCpuUsPerRequest,
      sdkCpuUsPerCall: sdk.cpuUsPerCall,
      cpuRatio: gatewayCpuUsPerRequest / sdk.cpuUsPerCall,
    };
    results.push(row);
    process.stderr.write(`[bench:gateway] round ${round + 1}: ${JSON.stringify(row)}\n`);
  }
  const median = (key: string): number => {
    const sorted = results.map((row) => row[key] as number).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  };
  const summary = Object.fromEntries(Object.keys(results[0] ?? {}).map((key) => [key, median(key)]));
  const report = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, pinned: hasTaskset ? 'gateway and SDK loop on core 0; mock and autocannon on core 1' : 'not pinned' },
    connections: CONNECTIONS,
    durationS: DURATION_S,
    rounds,
    median: summary,
    results,
    pacedRate: PACED_RATE,
    targets: { addedP50Ms: '<= 1', cpuRatio: '<= 3' },
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'gateway-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `gateway at c=${CONNECTIONS} (median of ${rounds}): saturated, added p50 ${summary.addedP50Ms?.toFixed(2)} ms (direct ${summary.directP50Ms} ms, through ${summary.gatewayP50Ms} ms); ` +
      `paced at ${PACED_RATE} req/s, added p50 ${summary.pacedAddedP50Ms?.toFixed(2)} ms (p99 ${summary.pacedGatewayP99Ms} ms); ` +
      `${summary.gatewayRequestsPerSecond?.toFixed(0)} req/s, CPU ${summary.gatewayCpuUsPerRequest?.toFixed(0)} µs/req = ${summary.cpuRatio?.toFixed(2)}x the SDK's ${summary.sdkCpuUsPerCall?.toFixed(0)} µs/call\n`,
  );
} finally {
  gateway.child.kill('SIGTERM');
  mock.child.kill();
}
