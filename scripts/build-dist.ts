import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build, type Metafile, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The JavaScript of the package as users load it: `index.js` and `core.js` with the code they
 * share in `chunks/`, one standalone data module per provider (`providers/<id>.js`), and each native dialect,
 * the endpoint descriptors, the middleware layers and the price table in chunks of their own that
 * are imported on first use. Bundling is what keeps `import 'liter-llm'` fast: Node spends its time
 * per module file (resolve, read, compile), and the unbundled tree is about 490 of them.
 * Whitespace and syntax are minified but identifiers are not, so classes and functions keep their
 * names in stack traces and `util.inspect` (`ConfigurationError`, not `p`). esbuild's `keepNames`
 * would do that for minified names, but it wraps every closure in a `__name` call that defines a
 * property each time one is created: measured, that added about 10 KB of heap per open stream.
 * Linked sourcemaps point back to `src/`. The two small dependencies are bundled in, so the
 * package installs none.
 */
export async function buildDist(outDir: string): Promise<Metafile> {
  rmSync(outDir, { recursive: true, force: true });
  const shared = {
    outdir: outDir,
    format: 'esm',
    target: 'es2022',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
  } as const;
  const runtime = await build({
    ...shared,
    entryPoints: [
      { in: join(root, 'src', 'index.ts'), out: 'index' },
      { in: join(root, 'src', 'core.ts'), out: 'core' },
      { in: join(root, 'src', 'middleware-entry.ts'), out: 'middleware' },
      { in: join(root, 'src', 'define-provider.ts'), out: 'define-provider' },
    ],
    bundle: true,
    splitting: true,
    platform: 'neutral',
    // eventsource-parser and aws4fetch are inlined: resolving a bare package specifier through its
    // package.json costs a few milliseconds at import, which is a fifth of the start-up budget.
    mainFields: ['module', 'main'],
    external: ['node:*'],
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [providerDataAsJson],
  });
  // Provider modules are data with type-only imports: one standalone file each, no runtime chunk.
  const providers = await build({
    ...shared,
    entryPoints: readdirSync(join(root, 'generated', 'providers'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => ({ in: join(root, 'generated', 'providers', file), out: `providers/${file.replace(/\.ts$/, '')}` })),
    bundle: true,
    plugins: [providerDataAsJson],
  });
  // The optional Node transport: undici is the user's install (an optional peer dependency).
  const transport = await build({
    ...shared,
    entryPoints: [{ in: join(root, 'src', 'undici-entry.ts'), out: 'undici' }],
    bundle: true,
    platform: 'node',
    external: ['undici', 'node:*'],
  });
  // The gateway and CLI (`bin/liter-llm.js` runs it): Node only, with the packages it uses (hono,
  // pino, prom-client, yaml, ajv, node-redis) bundled in, so that the package still installs nothing.
  // CommonJS packages bundled into an ES module still `require` Node's builtins.
  const cli = await build({
    ...shared,
    entryPoints: [{ in: join(root, 'gateway', 'cli', 'main.ts'), out: 'cli' }],
    bundle: true,
    platform: 'node',
    external: ['node:*'],
    minifyIdentifiers: true,
    banner: { js: 'import{createRequire as __cliRequire}from"node:module";const require=__cliRequire(import.meta.url);' },
  });
  cliPackages = packagesOf(cli.metafile);
  for (const [file, output] of Object.entries(providers.metafile.outputs)) {
    if (output.imports.length > 0) throw new Error(`${file}: a provider module must not import anything at run time`);
  }
  const all = [runtime, providers, transport, cli].map((result) => result.metafile);
  return {
    inputs: Object.assign({}, ...all.map((metafile) => metafile.inputs)) as Metafile['inputs'],
    outputs: Object.assign({}, ...all.map((metafile) => metafile.outputs)) as Metafile['outputs'],
  };
}

/**
 * Provider modules become `JSON.parse('...')` of their data. Measured on this project's registry
 * (about 100 KB), importing it as an object literal took about 15 ms and as `JSON.parse` about
 * 4 ms, and `import 'liter-llm'` loads all of them. The source modules stay readable TypeScript; each export must survive a JSON
 * round trip unchanged, or the build fails.
 */
const providerDataAsJson: Plugin = {
  name: 'provider-data-as-json',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]generated[\\/]providers[\\/][^\\/]+\.ts$/ }, async (args) => {
      const exports = (await import(pathToFileURL(args.path).href)) as Record<string, unknown>;
      const lines = Object.entries(exports).map(([name, value]) => {
        const json = JSON.stringify(value);
        if (!isDeepStrictEqual(JSON.parse(json), value)) throw new Error(`${args.path}: export ${name} is not plain JSON data`);
        return `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(json)});`;
      });
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/** The bundled packages and their license texts, shipped next to the code that contains them. */
const BUNDLED_PACKAGES = ['eventsource-parser', 'aws4fetch'] as const;

/** The packages the CLI bundle took in, found by its last build. */
let cliPackages: readonly string[] = [];

/** Package names of the `node_modules` files a build took in (`@scope/name` or `name`). */
function packagesOf(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
    if (match?.[1] !== undefined) names.add(match[1]);
  }
  return [...names].sort();
}

function thirdPartyLicenses(): string {
  const bundled = [...BUNDLED_PACKAGES, ...cliPackages.filter((name) => !(BUNDLED_PACKAGES as readonly string[]).includes(name))];
  return bundled.map((name) => {
    const directory = join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version: string; license: string };
    const file = readdirSync(directory).find((entry) => /^licen[cs]e/i.test(entry));
    const text = file === undefined ? `(${manifest.license}; no license file in the package)` : readFileSync(join(directory, file), 'utf8').trim();
    const where = (BUNDLED_PACKAGES as readonly string[]).includes(name) ? 'dist/' : 'dist/cli.js (the gateway and CLI)';
    return `${name}@${manifest.version} (${manifest.license}), bundled into ${where}\n\n${text}\n`;
  }).join('\n---\n\n');
}

/** Type declarations, mirroring the source tree under `dist/types/`. */
function emitDeclarations(outDir: string): void {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(outDir, 'types')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`tsc exited with ${run.status}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = join(root, 'dist');
  const began = performance.now();
  const metafile = await buildDist(outDir);
  emitDeclarations(outDir);
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module", "sideEffects": false }\n');
  writeFileSync(join(outDir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses());
  const files = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js')).length;
  process.stdout.write(`built ${files} modules and declarations in dist/ in ${Math.round(performance.now() - began)} ms\n`);
}
