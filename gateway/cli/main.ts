import { readFileSync } from 'node:fs';
import { runCli } from './run-cli.js';

// The `liter-llm` command. The version comes from the package.json next to the built file or the source tree.
function packageVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'liter-llm' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // Try the next place.
    }
  }
  return 'unknown';
}

// A reader that went away (\`liter-llm models | head\`) is no failure of ours.
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
