import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { summarizeCatalogReport } from './catalog/compare-with-catalog.js';
import { checkOutput } from './check-output.js';
import { CodegenError } from './codegen-error.js';
import { generateFiles } from './generate-files.js';
import { loadInputs } from './load-inputs.js';
import { writeOutput } from './write-output.js';

export { generateFiles } from './generate-files.js';

const USAGE = `Usage: tsx codegen/generate.ts [--check] [--registry <file>] [--out <dir>] [--root <dir>]
  --check           compare with the files on disk instead of writing; exit 1 when they differ
  --registry <file> read this registry instead of <root>/schemas/providers.json
  --out <dir>       write here instead of <root>/generated
  --root <dir>      the project root holding schemas/ (default: the directory above codegen/)`;

/** The CLI: generate into `generated/`, or with `--check` report what is stale. Returns the exit code. */
async function runGenerate(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      check: { type: 'boolean', default: false },
      registry: { type: 'string' },
      out: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const rootDir = path.resolve(values.root ?? fileURLToPath(new URL('..', import.meta.url)));
  // Paths given on the command line are relative to the working directory, the defaults to the root.
  const outDir = values.out === undefined ? path.join(rootDir, 'generated') : path.resolve(values.out);
  const registryPath = values.registry === undefined ? undefined : path.resolve(values.registry);
  const shownOutDir = `${path.relative(process.cwd(), outDir) || '.'}/`;
  const catalogReport: string[] = [];
  const files = await generateFiles(loadInputs({ rootDir, registryPath }), { report: (line) => catalogReport.push(line) });
  printCatalogReport(catalogReport);
  // Wall time since the process started, module loading included.
  const elapsed = (): string => `${Math.round(performance.now())} ms`;

  if (values.check) {
    const report = checkOutput(outDir, files);
    const lines = [
      ...report.changed.map((file) => `changed: ${shownOutDir}${file}`),
      ...report.missing.map((file) => `missing: ${shownOutDir}${file}`),
      ...report.extra.map((file) => `extra: ${shownOutDir}${file}`),
    ];
    if (lines.length > 0) {
      console.error(lines.join('\n'));
      console.error(`${shownOutDir} is stale (${lines.length} of ${files.size} files differ); run \`npm run generate\`.`);
      return 1;
    }
    console.log(`${shownOutDir} is up to date (${files.size} files, ${elapsed()})`);
    return 0;
  }
  const report = writeOutput(outDir, files);
  console.log(
    `generated ${files.size} files in ${shownOutDir} (${report.written.length} written, ${report.deleted.length} deleted) in ${elapsed()}`,
  );
  return 0;
}

/** The catalogue report on stdout; a warning on stderr when some difference has no declared reason. */
function printCatalogReport(lines: readonly string[]): void {
  const { summary, warning } = summarizeCatalogReport(lines);
  for (const line of summary) console.log(line);
  if (warning !== undefined) console.warn(warning);
}

async function main(): Promise<void> {
  try {
    process.exitCode = await runGenerate(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CodegenError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
