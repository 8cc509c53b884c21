import type { Operation } from '../call/operation.js';
import { EndpointNotSupportedError } from '../errors/error-classes.js';
import { memoizeImport } from '../loading/memoize-import.js';
import type { ResolvedProvider } from '../routing/resolved-provider.js';
import type { Dialect } from './dialect.js';
import { isDialectImplemented, loadDialect, loadDialectByName } from './load-dialect.js';
import { OPERATION_TABLE } from './operation-table.js';
import { openAiDialect } from './openai/openai-dialect.js';
import type { WireShape, WireShapeResolver } from './wire-shape.js';

/** What the core needs to run one operation: its wire shape, and the dialect that reads error bodies. */
export interface ResolvedWireShape {
  readonly shape: WireShape;
  /** Undefined for a wire format without a dialect module of its own (Jina, Voyage, search APIs, Hugging Face). */
  readonly dialect: Dialect | undefined;
}

const loadOpenAiShapes = memoizeImport(
  async () => (await import('./openai/endpoints/openai-endpoint-shapes.js')).resolveOpenAiEndpointShape,
  'the openai endpoint shapes',
);

/**
 * Each wire format's endpoint shapes (images, audio, files, rerank, search, ...), by registry
 * dialect name, loaded on the first call that needs them: a chat-only app never parses them.
 * Azure speaks OpenAI's (with deployment paths).
 */
const SHAPE_LOADERS: Readonly<Partial<Record<string, () => Promise<WireShapeResolver>>>> = {
  openai: loadOpenAiShapes,
  azure: loadOpenAiShapes,
  anthropic: memoizeImport(async () => (await import('./anthropic/anthropic-endpoint-shapes.js')).resolveAnthropicEndpointShape, 'the anthropic endpoint shapes'),
  cohere: memoizeImport(async () => (await import('./cohere/cohere-endpoint-shapes.js')).resolveCohereEndpointShape, 'the cohere endpoint shapes'),
  huggingface: memoizeImport(async () => (await import('./huggingface/huggingface-endpoint-shapes.js')).resolveHuggingFaceEndpointShape, 'the huggingface endpoint shapes'),
  jina: memoizeImport(async () => (await import('./jina/jina-endpoint-shapes.js')).resolveJinaEndpointShape, 'the jina endpoint shapes'),
  voyage: memoizeImport(async () => (await import('./voyage/voyage-endpoint-shapes.js')).resolveVoyageEndpointShape, 'the voyage endpoint shapes'),
  ollama: memoizeImport(async () => (await import('./ollama/ollama-endpoint-shapes.js')).resolveOllamaEndpointShape, 'the ollama endpoint shapes'),
  search: memoizeImport(async () => (await import('./search/search-endpoint-shapes.js')).resolveSearchEndpointShape, 'the search endpoint shapes'),
  watsonx: memoizeImport(async () => (await import('./watsonx/watsonx-endpoint-shapes.js')).resolveWatsonxEndpointShape, 'the watsonx endpoint shapes'),
  assemblyai: memoizeImport(async () => (await import('./assemblyai/assemblyai-endpoint-shapes.js')).resolveAssemblyAiEndpointShape, 'the assemblyai endpoint shapes'),
  cloudflare: memoizeImport(async () => (await import('./cloudflare/cloudflare-endpoint-shapes.js')).resolveCloudflareEndpointShape, 'the cloudflare endpoint shapes'),
  deepgram: memoizeImport(async () => (await import('./deepgram/deepgram-endpoint-shapes.js')).resolveDeepgramEndpointShape, 'the deepgram endpoint shapes'),
  elevenlabs: memoizeImport(async () => (await import('./elevenlabs/elevenlabs-endpoint-shapes.js')).resolveElevenLabsEndpointShape, 'the elevenlabs endpoint shapes'),
};

/**
 * The wire shape of `operation` for a provider, from its dialect (a gateway's is OpenAI's). This is
 * the one place that decides whether a provider serves an operation: it must declare the endpoint
 * in the registry, and its wire format must have a shape for it; otherwise an
 * `EndpointNotSupportedError` is thrown before anything is sent. Served without a promise once the
 * dialect is loaded.
 */
export function resolveWireShape(
  operation: Operation,
  provider: ResolvedProvider,
): ResolvedWireShape | Promise<ResolvedWireShape> {
  if (!Object.hasOwn(OPERATION_TABLE, operation)) {
    throw new EndpointNotSupportedError(`unknown operation ${String(operation)}`);
  }
  const entry = OPERATION_TABLE[operation];
  const { endpoint } = entry;
  if (!provider.gateway && provider.definition.endpoints[endpoint] === undefined) {
    throw new EndpointNotSupportedError(`${provider.id} does not serve the ${endpoint} endpoint`, {
      provider: provider.id,
    });
  }
  const { fromConversions } = entry;
  const name = provider.gateway ? 'openai' : provider.definition.dialect;
  const loadShapes = SHAPE_LOADERS[name];
  // A wire format without a dialect module (Jina, Voyage, the audio APIs, Hugging Face's task
  // pipelines) serves embeddings and model lists through its endpoint shapes instead.
  if (fromConversions !== undefined && (loadShapes === undefined || isDialectImplemented(name))) {
    const pick = (dialect: Dialect): ResolvedWireShape => {
      const shape = fromConversions(dialect);
      if (shape === undefined) throw notImplemented(provider, operation);
      return { shape, dialect };
    };
    const dialect = loadDialect(provider);
    return dialect instanceof Promise ? dialect.then(pick) : pick(dialect);
  }
  if (loadShapes === undefined) throw notImplemented(provider, operation);
  return (async () => {
    const [resolveShape, dialect] = await Promise.all([
      loadShapes(),
      provider.gateway ? openAiDialect : loadDialectByName(name),
    ]);
    const shape = resolveShape(operation, provider);
    if (shape === undefined) throw notImplemented(provider, operation);
    return { shape, dialect };
  })();
}

function notImplemented(provider: ResolvedProvider, operation: Operation): EndpointNotSupportedError {
  const { endpoint } = OPERATION_TABLE[operation];
  return new EndpointNotSupportedError(
    `${provider.id} serves ${endpoint} in the "${provider.definition.dialect}" wire format, which this version of liter-llm does not implement for ${endpoint} yet; ` +
      'call it through an OpenAI-compatible gateway (createClient({ baseURL })) meanwhile',
    { provider: provider.id },
  );
}
