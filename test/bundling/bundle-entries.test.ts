import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Message } from 'esbuild';
import webpack, { type Stats } from 'webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * An application's bundler must take the published package without an error or a warning: the
 * built `dist/` (not the sources), imported as `liter-llm`, and as `liter-llm/core` plus one
 * provider module, bundled for the browser by esbuild (platforms browser and neutral) and webpack 5
 * (target web). webpack 5 fails outright on any `import('node:…')` it can reach, even one behind a
 * dynamic import that a browser never runs.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let app: string;

const APPS = {
  'main-entry': `import { createClient } from 'liter-llm';
const client = createClient({ apiKeys: { openai: 'sk-test' } });
export const reply = client.chat({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
`,
  'core-entry': `import { createProviderClient } from 'liter-llm/core';
import { openaiProvider } from 'liter-llm/providers/openai';
const client = createProviderClient([openaiProvider], { apiKey: 'sk-test' });
export const reply = client.chat({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
`,
} as const;
type AppName = keyof typeof APPS;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'liter-llm-bundle-'));
  const built = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'test', 'bundling', 'build-package-copy.ts'), join(app, 'node_modules', 'liter-llm')],
    { cwd: root, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`building the package failed:\n${built.stderr}`);
  for (const [name, source] of Object.entries(APPS)) writeFileSync(join(app, `${name}.js`), source);
}, 120_000);
afterAll(() => {
  if (app !== undefined) rmSync(app, { recursive: true, force: true });
});

function describeMessages(messages: readonly Message[]): string[] {
  return messages.map((message) => `${message.location?.file ?? ''}: ${message.text}`);
}

async function bundleWithEsbuild(name: AppName, platform: 'browser' | 'neutral'): Promise<{ errors: string[]; warnings: string[] }> {
  const result = await build({
    absWorkingDir: app,
    entryPoints: [`./${name}.js`],
    outdir: join(app, `esbuild-${platform}-${name}`),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform,
    minify: true,
    logLevel: 'silent',
  }).catch((error: { errors?: Message[]; warnings?: Message[] }) => ({ errors: error.errors ?? [], warnings: error.warnings ?? [] }));
  return { errors: describeMessages(result.errors), warnings: describeMessages(result.warnings) };
}

async function bundleWithWebpack(name: AppName): Promise<{ errors: string[]; warnings: string[] }> {
  const stats = await new Promise<Stats>((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        target: 'web',
        context: app,
        entry: `./${name}.js`,
        output: { path: join(app, `webpack-${name}`) },
        // Size hints judge the application's bundle, not whether the package bundles; the package's
        // size is measured by `npm run bench` and reported in the README.
        performance: { hints: false },
      },
      (error, result) => (error || result === undefined ? reject(error ?? new Error('webpack returned no stats')) : resolve(result)),
    );
  });
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  return {
    errors: (json.errors ?? []).map((error) => error.message),
    warnings: (json.warnings ?? []).map((warning) => warning.message),
  };
}

describe('the built package bundles for the browser without an error or a warning', () => {
  for (const name of Object.keys(APPS) as AppName[]) {
    for (const platform of ['browser', 'neutral'] as const) {
      it(`esbuild, platform ${platform}: ${name}`, async () => {
        expect(await bundleWithEsbuild(name, platform)).toEqual({ errors: [], warnings: [] });
      });
    }
    it(`webpack 5, target web: ${name}`, async () => {
      expect(await bundleWithWebpack(name)).toEqual({ errors: [], warnings: [] });
    }, 120_000);
  }
});
