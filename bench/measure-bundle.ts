import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  /** Chunks the program loaded while making its one streaming call (the entry included). */
  readonly loadedFiles: readonly string[];
  /** Their minified bytes, and their gzip sizes summed (each file compressed on its own). */
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  /** Every chunk of the bundle, including the lazily loaded ones this program never needed. */
  readonly totalMinifiedBytes: number;
  readonly totalGzipBytes: number;
}

export interface MeasureBundleInput {
  readonly root: string;
  /** Scratch directory for the bundle. */
  readonly outDir: string;
  /** The mock server the program streams from. */
  readonly origin: string;
  /** URL of the compiled `record-loads-hooks.js`. */
  readonly hooksUrl: string;
}

/**
 * esbuild-minified bundle of `bench/bundle-entries/<name>.ts` (code splitting on, so lazily
 * imported code lands in chunks of its own), then the program is run once against the mock with
 * module hooks recording which files it loads. The size is that of the loaded files: what a
 * browser downloads or a server parses for one streaming chat.
 */
export async function measureBundle(name: string, input: MeasureBundleInput): Promise<BundleSize> {
  const dir = join(input.outDir, name);
  rmSync(dir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [{ in: join(input.root, 'bench', 'bundle-entries', `${name}.ts`), out: 'entry' }],
    outdir: dir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    metafile: true,
    logLevel: 'error',
    // CommonJS dependencies bundled into ESM (the AI SDK has some) still call `require` for builtins.
    banner: { js: 'import{createRequire as __bundleRequire}from"node:module";const require=__bundleRequire(import.meta.url);' },
  });
  // Kept beside the bundle: which source files each chunk holds (`outputs[file].inputs`).
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(result.metafile));
  const log = join(dir, 'loaded.txt');
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(input.hooksUrl)});`;
  const program = `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'entry.js')).href)}); if ((await m.run(${JSON.stringify(input.origin)})).length === 0) process.exit(3);`;
  const run = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', program], {
    env: { ...process.env, LITER_BENCH_LOAD_LOG: log },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bundle ${name}: the program failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  const outputs = Object.keys(result.metafile.outputs).map((file) => join(input.root, file));
  const loaded = new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .map((url) => fileURLToPath(url))
      .filter((file) => outputs.includes(file)),
  );
  const size = (files: Iterable<string>) => {
    let minified = 0;
    let gzip = 0;
    for (const file of files) {
      const code = readFileSync(file);
      minified += code.length;
      gzip += gzipSync(code, { level: 9 }).length;
    }
    return { minified, gzip };
  };
  const used = size(loaded);
  const all = size(outputs.filter((file) => file.endsWith('.js')));
  return {
    loadedFiles: [...loaded].map((file) => relative(dir, file)).sort(),
    minifiedBytes: used.minified,
    gzipBytes: used.gzip,
    totalMinifiedBytes: all.minified,
    totalGzipBytes: all.gzip,
  };
}
