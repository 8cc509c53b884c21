import type { AdapterCases } from './adapter-cases.js';
import { anthropicCases } from './anthropic/anthropic-cases.js';
import { azureCases } from './azure/azure-cases.js';
import { bedrockCases } from './bedrock/bedrock-cases.js';
import { cohereCases } from './cohere/cohere-cases.js';
import { geminiCases } from './gemini/gemini-cases.js';
import { openAiCases } from './openai/openai-cases.js';
import { vertexAiCases } from './vertex-ai/vertex-ai-cases.js';
import { watsonxCases } from './watsonx/watsonx-cases.js';

/**
 * Every dialect's answers to the adapter suite, registered by hand rather than found by a folder
 * scan: a misnamed or missing cases file would be skipped silently by a scan, while the suite's
 * completeness test fails for an implemented dialect that is not listed here.
 */
export const ADAPTER_CASES: readonly AdapterCases[] = [openAiCases, anthropicCases, azureCases, bedrockCases, cohereCases, geminiCases, vertexAiCases, watsonxCases];
