/**
 * One contender in its own process (`node --expose-gc contender-worker.js <name> <origin>`),
 * driven over IPC by run-bench.ts. Every answer is a plain JSON object.
 */
import type { Contender, CreateContender } from './contenders/contender.js';

export type WorkerCommand =
  | { readonly op: 'check' }
  | { readonly op: 'warmup'; readonly count: number }
  | { readonly op: 'unary'; readonly mode: string; readonly concurrency: number; readonly count: number; readonly latencies: boolean }
  | { readonly op: 'stream'; readonly mode: string; readonly concurrency: number; readonly count: number }
  | { readonly op: 'hold'; readonly count: number }
  | { readonly op: 'ttfc'; readonly count: number }
  | { readonly op: 'exit' };

export interface RunResult {
  readonly cpuUs: number;
  readonly wallMs: number;
  readonly count: number;
  readonly latenciesMs?: readonly number[];
}

async function runConcurrent(count: number, concurrency: number, task: () => Promise<unknown>, latencies?: number[]): Promise<RunResult> {
  let started = 0;
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const lane = async (): Promise<void> => {
    while (started < count) {
      started += 1;
      const begin = latencies === undefined ? 0 : performance.now();
      await task();
      if (latencies !== undefined) latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const wallMs = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuUs: cpu.user + cpu.system, wallMs, count, ...(latencies === undefined ? {} : { latenciesMs: latencies }) };
}

async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let index = 0; index < 3; index += 1) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function handle(contender: Contender, command: WorkerCommand): Promise<unknown> {
  switch (command.op) {
    case 'check':
      return {
        unarySmall: await contender.chat('unary-small'),
        unaryLarge: await contender.chat('unary-large'),
        stream16: await contender.stream('stream-16'),
        stream256: await contender.stream('stream-256'),
      };
    case 'warmup':
      await runConcurrent(command.count, 16, () => contender.chat('unary-small'));
      await runConcurrent(Math.ceil(command.count / 10), 4, () => contender.stream('stream-256'));
      return { ok: true };
    case 'unary':
      return runConcurrent(command.count, command.concurrency, () => contender.chat(command.mode), command.latencies ? [] : undefined);
    case 'stream':
      return runConcurrent(command.count, command.concurrency, () => contender.stream(command.mode));
    case 'hold': {
      await collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const closers: Array<() => Promise<void>> = [];
      for (let index = 0; index < command.count; index += 1) closers.push(await contender.hold('hold'));
      await collectGarbage();
      const after = process.memoryUsage().heapUsed;
      await Promise.all(closers.map((close) => close()));
      return { heapPerStreamBytes: (after - before) / command.count };
    }
    case 'ttfc': {
      const times: number[] = [];
      for (let index = 0; index < command.count; index += 1) {
        const begin = performance.now();
        const close = await contender.hold('hold');
        times.push(performance.now() - begin);
        await close();
      }
      return { ttfcMs: times };
    }
    case 'exit':
      setImmediate(() => process.exit(0));
      return { ok: true };
  }
}

async function main(): Promise<void> {
  const [name, origin] = process.argv.slice(2);
  if (name === undefined || origin === undefined) throw new Error('usage: contender-worker <name> <origin>');
  // A specifier the harness build cannot follow: each contender stays its own module, loaded alone.
  const specifier = new URL(`./contenders/${name}.js`, import.meta.url).href;
  const module = (await import(specifier)) as { createContender: CreateContender };
  const contender = module.createContender(origin);
  process.on('message', (message: { id: number; command: WorkerCommand }) => {
    handle(contender, message.command).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ id: 0, result: { ready: true } });
}

void main();
