import type { AdapterCases } from './adapter-cases.js';
import { anthropicCases } from './anthropic/anthropic-cases.js';
import { azureCases } from './azure/azure-cases.js';
import { bedrockCases } from './bedrock/bedrock-cases.js';
import { cohereCases } from './cohere/cohere-cases.js';
import { geminiCases } from './gemini/gemini-cases.js';
import { ollamaCases } from './ollama/ollama-cases.js';
import { openAiCases } from './openai/openai-cases.js';
import { predibaseCases } from './predibase/predibase-cases.js';
import { vertexAiCases } from './vertex-ai/vertex-ai-cases.js';
import { vertexAiAnthropicCases, vertexAiOpenAiCases } from './vertex-ai/vertex-ai-partner-cases.js';
import { watsonxCases } from './watsonx/watsonx-cases.js';

/**
 * Every dialect's answers to the adapter suite, registered by hand rather than found by a folder
 * scan: a misnamed or missing cases file would be skipped silently by a scan, while the suite's
 * completeness test fails for an implemented dialect that is not listed here.
 */
export const ADAPTER_CASES: readonly AdapterCases[] = [openAiCases, anthropicCases, azureCases, bedrockCases, cohereCases, geminiCases, ollamaCases, predibaseCases, vertexAiCases, watsonxCases];

/**
 * Providers that speak another wire format than their dialect's own cases (the `vertex_ai` dialect
 * picks Anthropic's or OpenAI's format by the entry's chat path): run through the same suite, and
 * used for those providers wherever a test answers each provider in its wire format.
 */
export const PROVIDER_CASES: readonly AdapterCases[] = [vertexAiAnthropicCases, vertexAiOpenAiCases];

/** The cases that answer `provider` in its wire format: its own, else its dialect's. */
export function findAdapterCases(provider: { readonly id: string; readonly dialect: string }): AdapterCases | undefined {
  return PROVIDER_CASES.find((cases) => cases.providerId === provider.id) ?? ADAPTER_CASES.find((cases) => cases.dialect === provider.dialect);
}
