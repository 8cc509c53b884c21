import type { ModelInfo, ModelModality, ModelPrices } from './model-info.js';

/** 1 or 0 for a flag the catalogue always gives; null when it may not say. */
type Flag = 0 | 1;

/**
 * One model as `generated/catalog/model-catalog.ts` stores it: a JSON array in this order, trailing
 * nulls left out. The generator writes it (`codegen/catalog/encode-model-row.ts`) and
 * `decodeModelRow` reads it; compact because the whole catalogue is scanned when its module loads.
 */
export type ModelRow = [
  id: string,
  contextWindow: number,
  maxOutputTokens: number,
  /** Comma-separated modalities. */
  input: string,
  output: string,
  toolCall: Flag,
  reasoning: Flag,
  attachments: Flag,
  openWeights: Flag,
  releaseDate: string,
  lastUpdated: string,
  structuredOutput?: Flag | null,
  temperature?: Flag | null,
  knowledgeCutoff?: string | null,
  family?: string | null,
  /** input, output, cache read, cache write. */
  prices?: [number, number, (number | null)?, (number | null)?] | null,
  status?: NonNullable<ModelInfo['status']> | null,
];

/** The `ModelInfo` of a stored row, for registry provider `provider`. */
export function decodeModelRow(provider: string, row: ModelRow): ModelInfo {
  const [id, contextWindow, maxOutputTokens, input, output, toolCall, reasoning, attachments, openWeights, releaseDate, lastUpdated] = row;
  const info: { -readonly [K in keyof ModelInfo]: ModelInfo[K] } = {
    provider,
    id,
    contextWindow,
    maxOutputTokens,
    modalities: { input: splitModalities(input), output: splitModalities(output) },
    toolCall: toolCall === 1,
    reasoning: reasoning === 1,
    attachments: attachments === 1,
    openWeights: openWeights === 1,
    releaseDate,
    lastUpdated,
  };
  const [, , , , , , , , , , , structuredOutput, temperature, knowledgeCutoff, family, prices, status] = row;
  if (structuredOutput != null) info.structuredOutput = structuredOutput === 1;
  if (temperature != null) info.temperature = temperature === 1;
  if (knowledgeCutoff != null) info.knowledgeCutoff = knowledgeCutoff;
  if (family != null) info.family = family;
  if (prices != null) info.prices = decodePrices(prices);
  if (status != null) info.status = status;
  return info;
}

function splitModalities(list: string): ModelModality[] {
  return list === '' ? [] : (list.split(',') as ModelModality[]);
}

function decodePrices([input, output, cacheRead, cacheWrite]: NonNullable<ModelRow[15]>): ModelPrices {
  const prices: { -readonly [K in keyof ModelPrices]: ModelPrices[K] } = { input, output };
  if (cacheRead != null) prices.cacheRead = cacheRead;
  if (cacheWrite != null) prices.cacheWrite = cacheWrite;
  return prices;
}
