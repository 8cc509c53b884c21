import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import type { ModelRow } from '../../src/catalog/model-row.js';
import { CodegenError } from '../codegen-error.js';
import type { LoadedJsonFile } from '../codegen-inputs.js';
import { compareWithCatalog, readDisagreementReasons, type CatalogDisagreement } from './compare-with-catalog.js';
import { encodeModelRow } from './encode-model-row.js';
import { isServedByEntry } from './is-served-by-entry.js';

/** The catalogue part of the IR: what `generated/catalog/model-catalog.ts` holds. */
export interface CatalogIr {
  /** Our registry id -> its models.dev provider, sorted by our id. */
  readonly providers: Readonly<Record<string, string>>;
  /** models.dev provider -> its models' rows sorted by id; only providers some registry id maps to. */
  readonly tables: Readonly<Record<string, readonly ModelRow[]>>;
  /** Every registry provider's `modelPrefixes` (those with any), sorted by id: how a bare name routes. */
  readonly modelPrefixes: Readonly<Record<string, readonly string[]>>;
  /**
   * Per mapped registry id, the model ids its entry's `models` become: every chat model (text in,
   * text out) the catalogue lists for it that models.dev does not mark deprecated, that the entry
   * serves (`isServedByEntry`: not a model models.dev serves from another URL or through the
   * Responses API only) and that matches the map's `modelPattern`, when it gives one, sorted, then
   * the entry's `modelExtras` the catalogue does not already give.
   */
  readonly models: Readonly<Record<string, readonly string[]>>;
  /**
   * Where a mapped entry's base URL or environment variables differ from the catalogue's, sorted
   * by provider, each with the reason provider-map.json declares for it (if any). Reported by
   * `npm run generate`, not emitted.
   */
  readonly disagreements: readonly CatalogDisagreement[];
  /** Reasons provider-map.json declares for a disagreement that is not there (`<our id>.<field>`), sorted. */
  readonly staleReasons: readonly string[];
}

export interface CatalogInputs {
  /** `schemas/catalog/api.json`. */
  readonly snapshot: LoadedJsonFile;
  /** `schemas/catalog/provider-map.json`. */
  readonly providerMap: LoadedJsonFile;
}

/**
 * Derives the catalogue rows of the registry's providers through the one declared id map. Every
 * mapped id must be in the registry and every models.dev id in the snapshot; a model whose fields
 * do not have the expected types fails generation, naming it.
 */
export function buildCatalogIr(inputs: CatalogInputs, entries: readonly ProviderEntry[]): CatalogIr {
  const map = readProviderMap(inputs.providerMap);
  const reasons = readDisagreementReasons(inputs.providerMap);
  const snapshot = inputs.snapshot.data;
  if (!isRecord(snapshot)) throw new CodegenError(`${inputs.snapshot.path}: must be an object of models.dev providers`);
  const registry = new Map(entries.map((entry) => [entry.id, entry]));
  const providers: Record<string, string> = {};
  const tables: Record<string, ModelRow[]> = {};
  const derived: Record<string, string[]> = {};
  const disagreements: CatalogDisagreement[] = [];
  for (const [ours, { id: theirs, modelPattern }] of Object.entries(map).sort(([a], [b]) => compare(a, b))) {
    const entry = registry.get(ours);
    if (entry === undefined) {
      throw new CodegenError(`${inputs.providerMap.path}: providers.${ours}: not a provider of the registry`);
    }
    if (entry.models !== undefined) {
      throw new CodegenError(
        `schemas/providers.json: ${ours}: "models" is derived from the model catalogue (${inputs.providerMap.path} maps it to "${theirs}"); name the ids the catalogue does not list in "modelExtras", each with the reason it is kept`,
      );
    }
    const provider = snapshot[theirs];
    if (!isRecord(provider) || !isRecord(provider.models)) {
      throw new CodegenError(`${inputs.providerMap.path}: providers.${ours}: "${theirs}" is not a provider with models in ${inputs.snapshot.path}`);
    }
    providers[ours] = theirs;
    disagreements.push(...compareWithCatalog(entry, theirs, provider, reasons));
    const models = provider.models;
    tables[theirs] ??= Object.keys(models)
      .sort(compare)
      .map((id) => encodeModelRow(`${inputs.snapshot.path}: ${theirs}`, id, models[id]));
    const chat = (tables[theirs] as ModelRow[])
      .filter((row) => isChatModel(row) && (modelPattern === undefined || modelPattern.test(row[0])) && isServedByEntry(models[row[0]], entry))
      .map((row) => row[0]);
    const listed = new Set(chat);
    derived[ours] = [...chat, ...Object.keys(entry.modelExtras ?? {}).filter((id) => !listed.has(id))];
  }
  const modelPrefixes: Record<string, string[]> = {};
  for (const entry of [...entries].sort((a, b) => compare(a.id, b.id))) {
    if ((entry.modelPrefixes ?? []).length > 0) modelPrefixes[entry.id] = [...(entry.modelPrefixes ?? [])];
  }
  const found = new Set(disagreements.map((disagreement) => `${disagreement.provider}.${disagreement.field}`));
  const staleReasons = Object.entries(reasons)
    .flatMap(([ours, fields]) => Object.keys(fields).map((field) => `${ours}.${field}`))
    .filter((key) => !found.has(key))
    .sort(compare);
  return {
    providers,
    tables: Object.fromEntries(Object.entries(tables).sort(([a], [b]) => compare(a, b))),
    modelPrefixes,
    models: derived,
    disagreements,
    staleReasons,
  };
}

/** A chat model for autocompletion: text in, text out, not deprecated. */
function isChatModel(row: ModelRow): boolean {
  return row[3].split(',').includes('text') && row[4].split(',').includes('text') && row[16] !== 'deprecated';
}

interface MappedProvider {
  /** The models.dev provider id. */
  readonly id: string;
  /** Only catalogue ids matching it go into the entry's `models` (what our dialect can serve). */
  readonly modelPattern?: RegExp;
}

/**
 * `providers.<our id>` is the models.dev id, or `{ "id", "modelPattern", "reason" }` when the
 * provider serves only some of that catalogue's models (the reason says why).
 */
function readProviderMap(file: LoadedJsonFile): Record<string, MappedProvider> {
  const providers = isRecord(file.data) ? file.data.providers : undefined;
  if (!isRecord(providers)) throw new CodegenError(`${file.path}: must be { "providers": { "<our id>": "<models.dev id>" } }`);
  const map: Record<string, MappedProvider> = {};
  for (const [ours, value] of Object.entries(providers)) {
    if (typeof value === 'string') {
      map[ours] = { id: value };
      continue;
    }
    const valid = isRecord(value) && typeof value.id === 'string' && typeof value.modelPattern === 'string' && typeof value.reason === 'string' && value.reason !== '';
    if (!valid) {
      throw new CodegenError(`${file.path}: providers.${ours}: must be a models.dev provider id, or { "id", "modelPattern", "reason" } (strings)`);
    }
    try {
      map[ours] = { id: value.id as string, modelPattern: new RegExp(value.modelPattern as string) };
    } catch (error) {
      throw new CodegenError(`${file.path}: providers.${ours}.modelPattern: ${(error as Error).message}`);
    }
  }
  return map;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Code-unit order, independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
