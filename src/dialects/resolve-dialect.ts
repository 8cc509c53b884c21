import { EndpointNotSupportedError } from '../errors/error-classes.js';
import type { ResolvedProvider } from '../providers/resolved-provider.js';
import type { Dialect } from './dialect.js';
import { openAiDialect } from './openai/openai-dialect.js';
import { cohereDialect } from './cohere/cohere-dialect.js';
import { azureDialect } from './azure/azure-dialect.js';
import { anthropicDialect } from './anthropic/anthropic-dialect.js';
import { geminiDialect } from './gemini/gemini-dialect.js';
import { vertexAiDialect } from './vertex-ai/vertex-ai-dialect.js';
import { bedrockDialect } from './bedrock/bedrock-dialect.js';

const DIALECTS: Readonly<Partial<Record<string, Dialect>>> = { openai: openAiDialect, bedrock: bedrockDialect, cohere: cohereDialect, azure: azureDialect, anthropic: anthropicDialect, gemini: geminiDialect, vertex_ai: vertexAiDialect };

/** The implementation of a dialect, or undefined while it is not implemented. */
export function findDialect(name: string): Dialect | undefined {
  return DIALECTS[name];
}

/**
 * The wire format of a provider. A gateway always speaks OpenAI's. Providers whose dialect is
 * declared in the registry but not implemented yet fail loudly instead of being sent OpenAI JSON.
 */
export function resolveDialect(provider: ResolvedProvider): Dialect {
  if (provider.gateway) return openAiDialect;
  const name = provider.definition.dialect;
  const dialect = DIALECTS[name];
  if (dialect !== undefined) return dialect;
  throw new EndpointNotSupportedError(
    `${provider.id} speaks the "${name}" wire format, which this version of liter-llm does not implement yet; ` +
      'call it through an OpenAI-compatible gateway (createClient({ baseURL })) meanwhile',
    { provider: provider.id },
  );
}
