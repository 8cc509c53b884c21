#!/usr/bin/env node
// The `liter-llm` command: the bundled CLI of the published package (dist/cli.js), or, in a clone
// of the repository where dist/ is not built, the TypeScript source run through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../gateway/cli/main.ts', import.meta.url).href);
}
