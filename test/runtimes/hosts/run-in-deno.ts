import { join } from 'node:path';
import { bundleSmokeScript } from '../bundle-smoke-script.js';
import { runCommand } from '../run-command.js';
import { parseResultsLine, RESULTS_MARKER, type RuntimeHostContext, type RuntimeRun } from '../runtime-run.js';

/**
 * Deno with the least a user would grant: network to the mock's address and nothing else. No
 * `--allow-env` (the client must not need the environment when keys are passed) and no
 * `--allow-read` (loading the package and its lazy chunks needs none).
 */
export async function runInDeno(context: RuntimeHostContext): Promise<RuntimeRun> {
  const deno = join(context.modulesDir, '@deno', 'linux-x64-glibc', 'deno');
  const script = join(context.workDir, 'deno-smoke.js');
  await bundleSmokeScript({
    outFile: script,
    mockUrl: context.mockUrl,
    format: 'esm',
    packageCode: 'external',
    finish: `console.log(${JSON.stringify(RESULTS_MARKER)} + JSON.stringify(await run()));`,
  });
  const version = (await runCommand(deno, ['--version'], { cwd: context.workDir, timeoutMs: 30_000 })).output.split('\n')[0] ?? '';
  const host = new URL(context.mockUrl).host;
  const outcome = await runCommand(
    deno,
    ['run', '--no-prompt', '--no-config', '--no-lock', `--allow-net=${host}`, script],
    { cwd: context.workDir, timeoutMs: 180_000 },
  );
  return { version, results: parseResultsLine(outcome.output), output: outcome.output };
}
