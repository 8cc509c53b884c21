import { EndpointNotSupportedError } from '../errors/error-classes.js';
import type { ResolvedProvider } from '../routing/resolved-provider.js';
import { memoizeImport } from '../loading/memoize-import.js';
import type { Dialect } from './dialect.js';
import { openAiDialect } from './openai/openai-dialect.js';

/**
 * Native dialects, each loaded on the first call that needs it: an app that talks to OpenAI-shaped
 * providers only never parses Bedrock's event-stream decoder or Gemini's schema converter, and a
 * bundler puts each dialect in a chunk of its own.
 */
const LOADERS: Readonly<Partial<Record<string, () => Promise<Dialect>>>> = {
  anthropic: memoizeImport(async () => (await import('./anthropic/anthropic-dialect.js')).anthropicDialect, 'the anthropic dialect'),
  azure: memoizeImport(async () => (await import('./azure/azure-dialect.js')).azureDialect, 'the azure dialect'),
  bedrock: memoizeImport(async () => (await import('./bedrock/bedrock-dialect.js')).bedrockDialect, 'the bedrock dialect'),
  cohere: memoizeImport(async () => (await import('./cohere/cohere-dialect.js')).cohereDialect, 'the cohere dialect'),
  gemini: memoizeImport(async () => (await import('./gemini/gemini-dialect.js')).geminiDialect, 'the gemini dialect'),
  ollama: memoizeImport(async () => (await import('./ollama/ollama-dialect.js')).ollamaDialect, 'the ollama dialect'),
  predibase: memoizeImport(async () => (await import('./predibase/predibase-dialect.js')).predibaseDialect, 'the predibase dialect'),
  vertex_ai: memoizeImport(async () => (await import('./vertex-ai/vertex-ai-dialect.js')).vertexAiDialect, 'the vertex_ai dialect'),
  watsonx: memoizeImport(async () => (await import('./watsonx/watsonx-dialect.js')).watsonxDialect, 'the watsonx dialect'),
};

/** Dialects already loaded, served without a promise. */
const loaded = new Map<string, Dialect>([['openai', openAiDialect]]);

/** True when this version of liter-llm implements the dialect `name`. */
export function isDialectImplemented(name: string): boolean {
  return loaded.has(name) || LOADERS[name] !== undefined;
}

/**
 * The implementation of dialect `name`: the object itself once loaded (so the hot path awaits
 * nothing), else a promise of it (a failed load is tried again on the next call). Undefined while
 * the dialect is not implemented.
 */
export function loadDialectByName(name: string): Dialect | Promise<Dialect> | undefined {
  const known = loaded.get(name);
  if (known !== undefined) return known;
  return LOADERS[name]?.().then((dialect) => {
    loaded.set(name, dialect);
    return dialect;
  });
}

/**
 * The wire format of a provider. A gateway always speaks OpenAI's. Providers whose dialect is
 * declared in the registry but not implemented yet fail loudly instead of being sent OpenAI JSON.
 */
export function loadDialect(provider: ResolvedProvider): Dialect | Promise<Dialect> {
  if (provider.gateway) return openAiDialect;
  const name = provider.definition.dialect;
  const dialect = loadDialectByName(name);
  if (dialect !== undefined) return dialect;
  throw new EndpointNotSupportedError(
    `${provider.id} speaks the "${name}" wire format, which this version of liter-llm does not implement yet; ` +
      'call it through an OpenAI-compatible gateway (createClient({ baseURL })) meanwhile',
    { provider: provider.id },
  );
}
