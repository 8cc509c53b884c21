import { EndpointNotSupportedError } from '../errors/error-classes.js';
import type { ResolvedProvider } from '../providers/resolved-provider.js';
import type { Dialect } from './dialect.js';
import { openAiDialect } from './openai/openai-dialect.js';

/**
 * Native dialects, each loaded on the first call that needs it: an app that talks to OpenAI-shaped
 * providers only never parses Bedrock's event-stream decoder or Gemini's schema converter, and a
 * bundler puts each dialect in a chunk of its own.
 */
const LOADERS: Readonly<Partial<Record<string, () => Promise<Dialect>>>> = {
  anthropic: async () => (await import('./anthropic/anthropic-dialect.js')).anthropicDialect,
  azure: async () => (await import('./azure/azure-dialect.js')).azureDialect,
  bedrock: async () => (await import('./bedrock/bedrock-dialect.js')).bedrockDialect,
  cohere: async () => (await import('./cohere/cohere-dialect.js')).cohereDialect,
  gemini: async () => (await import('./gemini/gemini-dialect.js')).geminiDialect,
  vertex_ai: async () => (await import('./vertex-ai/vertex-ai-dialect.js')).vertexAiDialect,
};

const loaded = new Map<string, Dialect | Promise<Dialect>>([['openai', openAiDialect]]);

/** True when this version of liter-llm implements the dialect `name`. */
export function isDialectImplemented(name: string): boolean {
  return loaded.has(name) || LOADERS[name] !== undefined;
}

/**
 * The implementation of dialect `name`: the object itself once loaded (so the hot path awaits
 * nothing), else a promise of it. Undefined while the dialect is not implemented.
 */
export function loadDialectByName(name: string): Dialect | Promise<Dialect> | undefined {
  const known = loaded.get(name);
  if (known !== undefined) return known;
  const load = LOADERS[name];
  if (load === undefined) return undefined;
  const pending = load().then(
    (dialect) => {
      loaded.set(name, dialect);
      return dialect;
    },
    (error: unknown) => {
      // A failed chunk load (a flaky CDN, say) is tried again on the next call.
      loaded.delete(name);
      throw error;
    },
  );
  loaded.set(name, pending);
  return pending;
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
