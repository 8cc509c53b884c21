// `npm run refresh:catalog [-- --from FILE] [--root DIR]`: replaces the models.dev snapshot
// (schemas/catalog/api.json) with the live catalogue, or with FILE, and regenerates generated/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { unexplainedLines } from '../codegen/catalog/compare-with-catalog.js';
import { CodegenError } from '../codegen/codegen-error.js';
import { generateFiles } from '../codegen/generate-files.js';
import { loadInputs } from '../codegen/load-inputs.js';
import { writeOutput } from '../codegen/write-output.js';

export const LIVE_CATALOG_URL = 'https://models.dev/api.json';

type Json = Record<string, unknown>;

/**
 * The catalogue in the snapshot's shape: providers by id, each with `models` by id. models.dev
 * serves it flattened already; a model that still names a `base_model` (`provider/model`, or a
 * model of the same provider) gets that base's fields under its own, minus `base_model_omit`, as
 * the snapshot was built. A base that is not in the catalogue fails, naming the model.
 */
export function flattenCatalog(data: unknown, source: string): Json {
  if (!isRecord(data)) throw new CodegenError(`${source}: expected an object of providers, got ${describe(data)}`);
  for (const [id, provider] of Object.entries(data)) {
    if (!isRecord(provider) || !isRecord(provider.models)) throw new CodegenError(`${source}: provider "${id}" has no "models" object`);
  }
  const resolve = (providerId: string, modelId: string, seen: readonly string[]): Json => {
    const model = (data[providerId] as { models: Json }).models[modelId];
    if (!isRecord(model)) throw new CodegenError(`${source}: ${seen.at(-1) ?? providerId}: base_model "${providerId}/${modelId}" is not in the catalogue`);
    const base = model.base_model;
    if (base === undefined) return model;
    if (typeof base !== 'string') throw new CodegenError(`${source}: ${providerId}/${modelId}: base_model must be a string`);
    const key = `${providerId}/${modelId}`;
    if (seen.includes(key)) throw new CodegenError(`${source}: ${key}: base_model cycle (${[...seen, key].join(' -> ')})`);
    const slash = base.indexOf('/');
    const [baseProvider, baseModel] = slash > 0 && isRecord(data[base.slice(0, slash)]) ? [base.slice(0, slash), base.slice(slash + 1)] : [providerId, base];
    const merged: Json = { ...resolve(baseProvider, baseModel, [...seen, key]), ...model };
    const omit = model.base_model_omit;
    for (const field of Array.isArray(omit) ? omit : []) if (typeof field === 'string') delete merged[field];
    delete merged.base_model;
    delete merged.base_model_omit;
    merged.id = modelId;
    return merged;
  };
  const flat: Json = {};
  for (const [id, provider] of Object.entries(data) as [string, Json & { models: Json }][]) {
    flat[id] = { ...provider, models: Object.fromEntries(Object.keys(provider.models).map((modelId) => [modelId, resolve(id, modelId, [])])) };
  }
  return sortKeys(flat) as Json;
}

export interface RefreshOptions {
  readonly rootDir: string;
  /** Read this file instead of fetching the live catalogue. */
  readonly from?: string;
  readonly fetch?: typeof fetch;
  readonly now?: Date;
}

/** Rewrites the snapshot and its README's source line, then regenerates. Returns a summary line. */
export async function refreshCatalog(options: RefreshOptions): Promise<string> {
  const source = options.from === undefined ? LIVE_CATALOG_URL : path.resolve(options.from);
  const text = options.from === undefined ? await download(options.fetch ?? fetch) : readFileSync(source, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CodegenError(`${source}: invalid JSON: ${(error as Error).message}`);
  }
  const catalog = flattenCatalog(data, source);
  const catalogDir = path.join(options.rootDir, 'schemas', 'catalog');
  const snapshotPath = path.join(catalogDir, 'api.json');
  const before = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Json;
  writeFileSync(snapshotPath, JSON.stringify(catalog));
  const providers = Object.keys(catalog).length;
  const models = Object.values(catalog).reduce<number>((sum, provider) => sum + Object.keys((provider as { models: Json }).models).length, 0);
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const shown = options.from === undefined ? LIVE_CATALOG_URL : path.basename(source);
  const readmePath = path.join(catalogDir, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const sourceLine = `Source: ${shown}, read by \`npm run refresh:catalog\` on ${date} (${providers} providers, ${models.toLocaleString('en-US')} models).`;
  if (!/^Source: .*$/m.test(readme)) throw new CodegenError(`${path.relative(options.rootDir, readmePath)}: no "Source:" line to update`);
  writeFileSync(readmePath, readme.replace(/^Source: .*$/m, sourceLine));

  const catalogReport: string[] = [];
  const files = await generateFiles(loadInputs({ rootDir: options.rootDir }), { report: (line) => catalogReport.push(line) });
  const report = writeOutput(path.join(options.rootDir, 'generated'), files);
  const changed = describeChanges(before, catalog, options.rootDir);
  // A refresh can bring new registry/catalogue differences: those without a declared reason are listed.
  const unexplained = unexplainedLines(catalogReport).map((line) => `\nwarning: registry vs model catalogue: ${line}`);
  return `${sourceLine}\ngenerated/: ${report.written.length} written, ${report.deleted.length} deleted${changed}${unexplained.join('')}`;
}

/** Models added and removed for the providers the registry maps, so a refresh says what it changed. */
function describeChanges(before: Json, after: Json, rootDir: string): string {
  const map = (JSON.parse(readFileSync(path.join(rootDir, 'schemas', 'catalog', 'provider-map.json'), 'utf8')) as { providers: Record<string, string | { id: string }> }).providers;
  const lines: string[] = [];
  for (const theirs of [...new Set(Object.values(map).map((value) => (typeof value === 'string' ? value : value.id)))].sort()) {
    const old = new Set(Object.keys((before[theirs] as { models?: Json } | undefined)?.models ?? {}));
    const now = new Set(Object.keys((after[theirs] as { models?: Json } | undefined)?.models ?? {}));
    const added = [...now].filter((id) => !old.has(id));
    const removed = [...old].filter((id) => !now.has(id));
    if (added.length + removed.length > 0) lines.push(`  ${theirs}: +${added.length} -${removed.length}${removed.length > 0 ? ` (removed: ${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', ...' : ''})` : ''}`);
  }
  return lines.length === 0 ? '\nno model added or removed for the mapped providers' : `\nmodels of the mapped providers:\n${lines.join('\n')}`;
}

async function download(fetchImpl: typeof fetch): Promise<string> {
  const response = await fetchImpl(LIVE_CATALOG_URL, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new CodegenError(`${LIVE_CATALOG_URL}: HTTP ${response.status}`);
  return response.text();
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}

async function main(): Promise<void> {
  try {
    const { values } = parseArgs({ options: { from: { type: 'string' }, root: { type: 'string' } } });
    const rootDir = path.resolve(values.root ?? fileURLToPath(new URL('..', import.meta.url)));
    console.log(await refreshCatalog({ rootDir, ...(values.from === undefined ? {} : { from: values.from }) }));
  } catch (error) {
    console.error(error instanceof CodegenError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
