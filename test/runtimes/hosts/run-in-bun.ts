import { join } from 'node:path';
import { bundleSmokeScript } from '../bundle-smoke-script.js';
import { runCommand } from '../run-command.js';
import { parseResultsLine, RESULTS_MARKER, type RuntimeHostContext, type RuntimeRun } from '../runtime-run.js';

/** Bun loading `dist/` as published (its chunks and lazy imports), not a bundle of it. */
export async function runInBun(context: RuntimeHostContext): Promise<RuntimeRun> {
  const bun = join(context.modulesDir, '@oven', 'bun-linux-x64', 'bin', 'bun');
  const script = join(context.workDir, 'bun-smoke.js');
  await bundleSmokeScript({
    outFile: script,
    mockUrl: context.mockUrl,
    format: 'esm',
    packageCode: 'external',
    finish: `console.log(${JSON.stringify(RESULTS_MARKER)} + JSON.stringify(await run()));`,
  });
  const version = `bun ${(await runCommand(bun, ['--version'], { cwd: context.workDir, timeoutMs: 30_000 })).output.trim()}`;
  const outcome = await runCommand(bun, ['run', '--no-install', script], { cwd: context.workDir, timeoutMs: 180_000 });
  return { version, results: parseResultsLine(outcome.output), output: outcome.output };
}
