/**
 * CPU of a bare `client.chat` call (the bench's liter-bare: the `openai` provider, no middleware)
 * for two checkouts in one process, against a `fetch` stub that returns a canned response, so the
 * figure is liter-llm's own work and not the network's or a busy machine's. Rounds alternate
 * between the checkouts; the medians are compared.
 *
 *   npx tsx bench/compare-bare-cpu.ts <baseline checkout> [<candidate checkout>=.] [calls=20000] [rounds=7]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [baselineDir, candidateDir = '.', callsArg = '20000', roundsArg = '7'] = process.argv.slice(2);
if (baselineDir === undefined) throw new Error('usage: compare-bare-cpu.ts <baseline checkout> [<candidate checkout>] [calls] [rounds]');
const calls = Number(callsArg);
const rounds = Number(roundsArg);

const BODY = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1711000000,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
});
const stubFetch = (async () =>
  new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
const request = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Say hello.' }] };

interface Chat {
  chat(request: unknown): Promise<unknown>;
}

async function load(dir: string): Promise<Chat> {
  const entry = pathToFileURL(resolve(dir, 'src/index.ts')).href;
  const { createClient } = (await import(entry)) as { createClient: (options: object) => Chat };
  return createClient({ providers: { openai: { baseURL: 'http://bench.invalid/v1', apiKey: 'bench-key' } }, maxRetries: 0, fetch: stubFetch });
}

async function round(client: Chat): Promise<number> {
  const before = process.cpuUsage();
  for (let index = 0; index < calls; index++) await client.chat(request);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const clients = { baseline: await load(baselineDir), candidate: await load(candidateDir) };
for (const client of Object.values(clients)) await round(client); // warm-up: JIT and lazy imports
const samples: Record<keyof typeof clients, number[]> = { baseline: [], candidate: [] };
for (let index = 0; index < rounds; index++) {
  const order = index % 2 === 0 ? (['baseline', 'candidate'] as const) : (['candidate', 'baseline'] as const);
  for (const name of order) samples[name].push(await round(clients[name]));
}
const baseline = median(samples.baseline);
const candidate = median(samples.candidate);
console.log(`calls per round ${calls}, rounds ${rounds}`);
for (const [name, values] of Object.entries(samples)) {
  const fastest = Math.min(...values);
  console.log(`${name.padEnd(9)} µs CPU per call: median ${median(values).toFixed(2)}, min ${fastest.toFixed(2)} (${values.map((value) => value.toFixed(2)).join(', ')})`);
}
// On a busy machine other processes inflate some rounds; the minimum is the least disturbed one.
const ratio = (a: number, b: number): string => `${((a / b - 1) * 100).toFixed(1)}%`;
console.log(`candidate / baseline: median ${ratio(candidate, baseline)}, min ${ratio(Math.min(...samples.candidate), Math.min(...samples.baseline))}`);
