import { loadModelCatalog } from './load-model-catalog.js';
import type { ModelInfo } from './model-info.js';

/**
 * What the models.dev catalogue (a snapshot taken at build time, `schemas/catalog/`) knows about a
 * model: context window, output limit, modalities, capabilities, dates and prices per million
 * tokens. The model string is routed as a call routes it: `provider/model`, or a bare name through
 * the registry's `modelPrefixes` (`gpt-4o` is OpenAI's). Undefined for a model the catalogue does
 * not list for that provider, or a provider it does not cover.
 *
 * Asynchronous because the catalogue (about 415 KB of data for 76 providers) is imported on the
 * first call, never with liter-llm itself: a synchronous function would have to carry it in every
 * import of the package. Only the asked provider's part is parsed.
 *
 * @example
 * (await getModelInfo('anthropic/claude-sonnet-4-5'))?.maxOutputTokens; // 64000
 * (await getModelInfo('gpt-4o'))?.prices; // { input: 2.5, output: 10, cacheRead: 1.25 }
 */
export async function getModelInfo(model: string): Promise<ModelInfo | undefined> {
  return (await loadModelCatalog()).resolveModelInfo(model);
}
