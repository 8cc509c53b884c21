// Derives the compact price table `schemas/pricing.json` from `@pydantic/genai-prices`.
//   npx tsx codegen/pricing/build-pricing-table.ts           write schemas/pricing.json
//   npx tsx codegen/pricing/build-pricing-table.ts --check   exit 1 when the committed file is stale
// Deterministic: provider keys sorted, models in genai-prices' order (first match wins), fixed key
// order, no timestamps. Only token and per-request prices are kept (see PRICE_KEYS).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { findProvider, type ConditionalPrice, type MatchLogic, type ModelPrice, type Provider } from '@pydantic/genai-prices';

import type {
  ConditionalPriceSet,
  MatchRule,
  Price,
  PricedModel,
  PriceSet,
  PricingTable,
} from '../../src/middleware/cost/pricing-table.js';
import { PRICING_PROVIDER_IDS } from './pricing-provider-ids.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PRICING_TABLE_PATH = path.join(ROOT, 'schemas/pricing.json');

/** genai-prices price key -> ours, and the factor from its unit to ours. */
const PRICE_KEYS: ReadonlyArray<readonly [string, keyof PriceSet, number]> = [
  ['input_mtok', 'input', 1],
  ['cache_read_mtok', 'cached_input', 1],
  ['cache_write_mtok', 'cache_write', 1],
  ['output_mtok', 'output', 1],
  ['output_reasoning_mtok', 'reasoning', 1],
  ['requests_kcount', 'request', 1 / 1000],
];

/** Reads genai-prices' bundled data (only through its public `findProvider`) into our table. */
export function buildPricingTable(registryIds: readonly string[] = readRegistryIds()): PricingTable {
  const known = new Set(registryIds);
  const providers: Record<string, string[]> = {};
  const tables: Record<string, PricedModel[]> = {};
  const loadTable = (id: string): Provider => {
    const provider = findProvider({ providerId: id });
    if (provider === undefined || provider.id !== id) throw new Error(`genai-prices has no provider "${id}"`);
    tables[id] ??= provider.models.map(convertModel);
    return provider;
  };
  for (const ours of Object.keys(PRICING_PROVIDER_IDS).sort()) {
    if (!known.has(ours)) throw new Error(`pricing-provider-ids.ts names "${ours}", which is not in schemas/providers.json`);
    const theirs = PRICING_PROVIDER_IDS[ours] as string;
    const provider = loadTable(theirs);
    const fallbacks = provider.fallback_model_providers ?? [];
    for (const fallback of fallbacks) loadTable(fallback);
    providers[ours] = [theirs, ...fallbacks];
  }
  return { source: `@pydantic/genai-prices ${readPackageVersion()}`, providers, tables: sortKeys(tables) };
}

/** The file's exact text: one model per line, so a price update reads as a small diff. */
export function renderPricingTable(table: PricingTable = buildPricingTable()): string {
  const providerLines = Object.entries(table.providers).map(([id, list]) => `    ${JSON.stringify(id)}: ${JSON.stringify(list)}`);
  const tableBlocks = Object.entries(table.tables).map(([id, models]) => {
    const lines = models.map((model) => `      ${JSON.stringify(model)}`);
    return `    ${JSON.stringify(id)}: [\n${lines.join(',\n')}\n    ]`;
  });
  return [
    '{',
    `  "source": ${JSON.stringify(table.source)},`,
    '  "providers": {',
    providerLines.join(',\n'),
    '  },',
    '  "tables": {',
    tableBlocks.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

function convertModel(model: Provider['models'][number]): PricedModel {
  const prices = Array.isArray(model.prices)
    ? (model.prices as ConditionalPrice[]).map(convertConditional)
    : convertPriceSet(model.prices as ModelPrice);
  return { id: model.id, match: convertMatch(model.match), prices };
}

function convertConditional(conditional: ConditionalPrice): ConditionalPriceSet {
  const prices = convertPriceSet(conditional.prices);
  const constraint = conditional.constraint;
  if (constraint === undefined) return { prices };
  if (constraint.type === 'start_date') return { from: constraint.start_date, prices };
  if (constraint.type === 'time_of_date') return { utc: [constraint.start_time, constraint.end_time], prices };
  throw new Error(`unknown price constraint ${JSON.stringify(constraint)}`);
}

function convertPriceSet(source: ModelPrice): PriceSet {
  // genai-prices writes a free model as no prices at all; ours keeps `{}` for "no token prices
  // we can apply" (audio-only, per-image, ...), which leaves the cost unknown rather than 0.
  if (Object.values(source).every((value) => value === undefined)) return { input: 0, output: 0 };
  const result: Record<string, Price> = {};
  for (const [from, to, factor] of PRICE_KEYS) {
    const value = source[from];
    if (value !== undefined) result[to] = convertPrice(value, factor);
  }
  // A model priced only for 5-minute cache writes (Anthropic-style) charges those for cache writes.
  const fiveMinute = source.cache_write_5m_mtok;
  if (result.cache_write === undefined && fiveMinute !== undefined) result.cache_write = convertPrice(fiveMinute, 1);
  return result as PriceSet;
}

function convertPrice(value: NonNullable<ModelPrice[string]>, factor: number): Price {
  if (typeof value === 'number') return scale(value, factor);
  const tiers = [...value.tiers].sort((left, right) => left.start - right.start);
  return { base: scale(value.base, factor), tiers: tiers.map((tier) => ({ start: tier.start, price: scale(tier.price, factor) })) };
}

function scale(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}

function convertMatch(match: MatchLogic): MatchRule {
  if ('or' in match) return { or: match.or.map(convertMatch) };
  if ('and' in match) return { and: match.and.map(convertMatch) };
  return match;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key] as T]));
}

function readRegistryIds(): string[] {
  const registry = JSON.parse(readFileSync(path.join(ROOT, 'schemas/providers.json'), 'utf8')) as { providers: Array<{ id: string }> };
  return registry.providers.map((provider) => provider.id);
}

function readPackageVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@pydantic/genai-prices');
  const manifest = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function main(argv: readonly string[]): number {
  const text = renderPricingTable();
  const shown = path.relative(process.cwd(), PRICING_TABLE_PATH) || PRICING_TABLE_PATH;
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(PRICING_TABLE_PATH, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`${shown} is stale; run \`npx tsx codegen/pricing/build-pricing-table.ts\``);
      return 1;
    }
    console.log(`${shown} is up to date`);
    return 0;
  }
  writeFileSync(PRICING_TABLE_PATH, text);
  console.log(`wrote ${shown} (${Buffer.byteLength(text)} bytes)`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
