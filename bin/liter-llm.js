#!/usr/bin/env node
// The `liter-llm` command. In a clone of the repository (gateway/ is there) it runs the TypeScript
// source through tsx, so it is never a stale build; the published package ships dist/cli.js instead.
import { existsSync } from 'node:fs';

const source = new URL('../gateway/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
