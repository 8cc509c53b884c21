import { catalogProviders, catalogRows } from '../../generated/catalog/model-catalog.js';
import type { ModelInfo } from './model-info.js';
import { decodeModelRow, type ModelRow } from './model-row.js';

const BEDROCK_REGION_PREFIX = /^(?:us|us-gov|eu|apac|jp|au|ca|global)\./;

/** Per models.dev provider, its rows by model id, parsed on first use. */
const rowsByCatalog = new Map<string, ReadonlyMap<string, ModelRow>>();
/** Per registry provider, the records already decoded (a model asked for again is the same object). */
const infoByProvider = new Map<string, Map<string, ModelInfo | undefined>>();

/**
 * The catalogue's record of `model` served by registry provider `provider` (exact ids, as routed:
 * `findModelInfo('openai', 'gpt-4o')`), or undefined when the catalogue does not list it. Only the
 * asked provider's rows are parsed, once.
 */
export function findModelInfo(provider: string, model: string): ModelInfo | undefined {
  if (!Object.hasOwn(catalogProviders, provider)) return undefined;
  let known = infoByProvider.get(provider);
  if (known === undefined) {
    known = new Map();
    infoByProvider.set(provider, known);
  } else if (known.has(model)) {
    return known.get(model);
  }
  const row = rowsOf(catalogProviders[provider] as string).get(model);
  // Bedrock's cross-region inference profiles (`us.amazon.nova-pro-v1:0`) serve the model the
  // catalogue lists under its plain id.
  const regional = row === undefined && provider === 'bedrock' ? BEDROCK_REGION_PREFIX.exec(model) : null;
  if (regional !== null) return findModelInfo(provider, model.slice(regional[0].length));
  const info = row === undefined ? undefined : Object.freeze(decodeModelRow(provider, row));
  // Unknown names are remembered too, but not without bound (they come from callers).
  if (info !== undefined || known.size < 1024) known.set(model, info);
  return info;
}

function rowsOf(catalog: string): ReadonlyMap<string, ModelRow> {
  let rows = rowsByCatalog.get(catalog);
  if (rows === undefined) {
    rows = new Map((JSON.parse(catalogRows[catalog] ?? '[]') as ModelRow[]).map((row) => [row[0], row]));
    rowsByCatalog.set(catalog, rows);
  }
  return rows;
}
