import { packageVersion } from './package-version.js';
import { runCli } from './run-cli.js';

// The `liter-llm` command. A reader that went away (`liter-llm models | head`) is no failure of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const waitForStop = (): Promise<string> =>
  new Promise<string>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
  });

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, waitForStop },
  packageVersion(),
);
