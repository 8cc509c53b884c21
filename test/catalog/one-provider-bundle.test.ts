// The size rule of the model catalogue: a one-provider app (bench/bundle-entries/liter-llm.ts,
// liter-llm/core + providers/openai) bundles and loads no catalogue data up front, so its eager
// bundle grows by at most 2 KB gzip; the data is a chunk of its own, loaded on first use.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outRoot = mkdtempSync(join(tmpdir(), 'liter-catalog-bundle-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** The build without the catalogue: its generated module replaced by empty tables. */
const withoutCatalog: Plugin = {
  name: 'without-catalog',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]generated[\\/]catalog[\\/]model-catalog\.ts$/ }, () => ({
      contents: 'export const catalogProviders = {}; export const catalogRows = {}; export const catalogModelPrefixes = {};',
      loader: 'ts',
    }));
  },
};

interface EagerBundle {
  readonly gzipBytes: number;
  /** Source files in the chunks loaded up front. */
  readonly inputs: ReadonlySet<string>;
  /** Source files anywhere in the bundle (lazily loaded chunks included). */
  readonly allInputs: ReadonlySet<string>;
}

async function bundle(name: string, source: string, plugins: Plugin[] = []): Promise<EagerBundle> {
  const dir = join(outRoot, `${name}-${plugins.length}`);
  const entry = join(root, 'test', 'catalog', `.entry-${name}.ts`);
  writeFileSync(entry, source);
  try {
    const result = await build({
      entryPoints: [{ in: entry, out: 'entry' }],
      outdir: dir,
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      metafile: true,
      write: true,
      logLevel: 'error',
      plugins,
    });
    return eager(result.metafile);
  } finally {
    rmSync(entry, { force: true });
  }
}

function eager(metafile: Metafile): EagerBundle {
  const outputs = metafile.outputs;
  // Lazily imported modules are entry points too; the program's own is the `.entry-*` file.
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint?.includes('.entry-') === true) as string;
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
  }
  const inputsOf = (files: Iterable<string>) => new Set([...files].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {})));
  let gzipBytes = 0;
  // Metafile paths are relative to the working directory.
  for (const file of seen) gzipBytes += gzipSync(readFileSync(resolve(file)), { level: 9 }).length;
  return { gzipBytes, inputs: inputsOf(seen), allInputs: inputsOf(Object.keys(outputs)) };
}

const CATALOG = 'generated/catalog/model-catalog.ts';
const oneProvider = readFileSync(join(root, 'bench', 'bundle-entries', 'liter-llm.ts'), 'utf8').replaceAll("'../../", `'${root}`);

describe('the model catalogue in a one-provider bundle', () => {
  it('adds nothing to what liter-llm/core + providers/openai loads up front (at most 2 KB gzip)', async () => {
    const [withIt, without] = await Promise.all([bundle('openai', oneProvider), bundle('openai', oneProvider, [withoutCatalog])]);
    expect([...withIt.inputs].some((file) => file.endsWith(CATALOG))).toBe(false);
    expect(withIt.gzipBytes - without.gzipBytes).toBeLessThanOrEqual(2048);
    console.info(`one-provider eager bundle: ${withIt.gzipBytes} B gzip with the catalogue, ${without.gzipBytes} B without`);
  });

  it('loads the data lazily, for an Anthropic app (the dialect default max_tokens) and for getModelInfo', async () => {
    const anthropic = `import { createProviderClient } from '${root}src/core.js';
import { anthropicProvider } from '${root}generated/providers/anthropic.js';
export const client = createProviderClient([anthropicProvider]);`;
    const lazy = await bundle('anthropic', anthropic);
    expect([...lazy.inputs].some((file) => file.endsWith(CATALOG))).toBe(false);
    expect([...lazy.allInputs].some((file) => file.endsWith(CATALOG))).toBe(true);
    // getModelInfo itself loads it on its first call.
    const asked = await bundle('asked', `export { getModelInfo } from '${root}src/core.js';`);
    expect([...asked.inputs].some((file) => file.endsWith(CATALOG))).toBe(false);
    expect([...asked.allInputs].some((file) => file.endsWith(CATALOG))).toBe(true);
  });
});
