import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenarios = join(root, 'test', 'runtimes', 'run-smoke-scenarios.ts');

export interface SmokeScriptOptions {
  /** Where the script is written. */
  readonly outFile: string;
  readonly mockUrl: string;
  /** What the script does with `run` (in scope: starts every scenario, resolves to their results). */
  readonly finish: string;
  readonly format: 'esm' | 'iife';
  /**
   * `inline`: the package is bundled into the script (workerd, edge-runtime, a page). `external`:
   * the script imports `dist/` as published, chunks and lazy imports included (Deno, Bun).
   */
  readonly packageCode: 'inline' | 'external';
}

/**
 * One script that runs every scenario against the BUILT package: imports of `liter-llm` and its
 * subpaths resolve through the package's own `exports` map to `dist/`, as they would for a user.
 */
export async function bundleSmokeScript(options: SmokeScriptOptions): Promise<void> {
  const entry = [
    `import * as main from 'liter-llm';`,
    `import * as core from 'liter-llm/core';`,
    `import { openaiProvider } from 'liter-llm/providers/openai';`,
    `import { runSmokeScenarios } from ${JSON.stringify(scenarios)};`,
    `const run = () => runSmokeScenarios({ main, core, openaiProvider }, ${JSON.stringify(options.mockUrl)});`,
    options.finish,
  ].join('\n');
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'smoke-entry.ts' },
    outfile: options.outFile,
    bundle: true,
    format: options.format,
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    // node:* stays an import, as in dist/: a runtime without it must never reach one.
    external: ['node:*'],
    logLevel: 'error',
    plugins: [resolvePackageToDist(options)],
  });
}

function resolvePackageToDist(options: SmokeScriptOptions): Plugin {
  const exportsMap = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, ExportTarget> }).exports;
  return {
    name: 'liter-llm-to-dist',
    setup(builder) {
      builder.onResolve({ filter: /^liter-llm(\/.*)?$/ }, (args) => {
        const subpath = `.${args.path.slice('liter-llm'.length)}`;
        const target = resolveExport(exportsMap, subpath);
        if (target === undefined) return { errors: [{ text: `liter-llm does not export ${subpath}` }] };
        const file = join(root, target);
        if (options.packageCode === 'inline') return { path: file };
        return { path: `./${relative(dirname(options.outFile), file).split('\\').join('/')}`, external: true };
      });
    },
  };
}

type ExportTarget = string | { readonly [condition: string]: ExportTarget };

/** The file an ESM importer gets: the `import` condition, else `default`, conditions nested or not. */
function importTarget(target: ExportTarget | undefined): string | undefined {
  if (target === undefined || typeof target === 'string') return target;
  return importTarget(target.import) ?? importTarget(target.default);
}

function resolveExport(exportsMap: Record<string, ExportTarget>, subpath: string): string | undefined {
  const exact = exportsMap[subpath];
  if (exact !== undefined) return importTarget(exact);
  for (const [pattern, target] of Object.entries(exportsMap)) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length) {
      return importTarget(target)?.replace('*', subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}
