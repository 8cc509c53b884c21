import type {
  ChatCompletionChunk,
  ChatCompletionResponse,
  EmbeddingResponse,
  ModelsListResponse,
} from '../../generated/types/index.js';
import { attachCallInfo, createCallInfoRecord } from '../call-info.js';
import { findDialect } from '../dialects/resolve-dialect.js';
import { ConfigurationError } from '../errors/error-classes.js';
import { redactError } from '../errors/redact-error.js';
import { compose, type CallContext, type Operation } from '../middleware/compose.js';
import type { EndpointName, ProviderDefinition } from '../provider-definition.js';
import { resolveProvider } from '../providers/resolve-provider.js';
import type { ResolvedProvider } from '../providers/resolved-provider.js';
import { parseCustomProvider } from '../registry/parse-custom-provider.js';
import { createRouter } from '../routing/create-router.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import { ChatStream } from '../streaming/chat-stream.js';
import type { CallOptions, ClientOptions } from './client-options.js';
import type { Catalog, LiterLlmClient } from './client-types.js';
import { createCoreHandler } from './create-core-handler.js';
import { normalizeCallOptions } from './normalize-call-options.js';
import { normalizeClientOptions } from './normalize-client-options.js';

const GATEWAY_DEFINITION: ProviderDefinition = {
  id: 'gateway',
  name: 'OpenAI-compatible gateway',
  kind: 'hosted',
  dialect: 'openai',
  baseURL: 'http://gateway.invalid',
  urlVariables: {},
  auth: { scheme: 'bearer', envVar: 'LITER_LLM_GATEWAY_API_KEY', optional: true },
  endpoints: { chat: { path: '/chat/completions' }, embeddings: { path: '/embeddings' }, models: { path: '/models' } },
  modelPrefixes: [],
  models: [],
  quirks: { renameParams: {}, dropParams: [], roleMap: {}, headers: {}, query: {}, streamUsage: false, defaultParams: {} },
};

/** Endpoint a method needs, for the per-provider client. */
const METHODS_BY_ENDPOINT: Readonly<Partial<Record<EndpointName, readonly string[]>>> = {
  chat: ['chat', 'chatStream'],
  embeddings: ['embed'],
  models: ['listModels'],
};

/**
 * A client over an explicit list of provider definitions. `createClient` passes the whole generated
 * registry; an app that wants one provider passes just that one (`liter-llm/core` plus
 * `liter-llm/providers/<id>`), and loads nothing else.
 */
export function createRegistryClient<C extends Catalog>(
  definitions: readonly ProviderDefinition[],
  options: ClientOptions = {},
): LiterLlmClient<C> {
  const normalized = normalizeClientOptions(options);
  const env = readEnvironment();
  const all = new Map<string, ProviderDefinition>();
  for (const definition of definitions) all.set(definition.id, definition);
  normalized.customProviders.forEach((value, index) => {
    const definition = parseCustomProvider(value, index);
    if (all.has(definition.id)) {
      throw new ConfigurationError(
        `customProviders[${index}] ("${definition.id}"): a provider with this id already exists; use providers.${definition.id} to override it`,
      );
    }
    all.set(definition.id, definition);
  });
  for (const id of [...Object.keys(normalized.providers), ...Object.keys(normalized.apiKeys)]) {
    if (!all.has(id)) throw new ConfigurationError(`options name an unknown provider "${id}"`, { provider: id });
  }

  const providers = new Map<string, ResolvedProvider>();
  for (const [id, definition] of all) {
    providers.set(
      id,
      resolveProvider({
        definition,
        override: normalized.providers[id],
        apiKey: normalized.apiKeys[id],
        fallbackApiKey: normalized.apiKey,
        clientHeaders: normalized.headers,
        env,
        createAuthorizer: findDialect(definition.dialect)?.createAuthorizer,
        fetch: normalized.fetch,
      }),
    );
  }
  const gateway =
    normalized.baseURL === undefined
      ? undefined
      : resolveProvider({
          definition: { ...GATEWAY_DEFINITION, baseURL: normalized.baseURL },
          override: undefined,
          apiKey: normalized.apiKey,
          fallbackApiKey: undefined,
          clientHeaders: normalized.headers,
          env: {},
          gateway: true,
        });
  const router = createRouter({ providers, gateway, modelHint: normalized.modelHint });
  const secrets = collectSecrets(normalized, all, env);
  const pipeline = compose(normalized.middleware, createCoreHandler({ fetch: normalized.fetch, secrets }));

  const createContext = (operation: Operation, request: unknown, route: ResolvedRoute, callOptions: CallOptions | undefined): CallContext => ({
    operation,
    request,
    route,
    options: normalizeCallOptions(normalized, callOptions),
    info: createCallInfoRecord(operation, route.provider.id, route.model),
  });

  async function unary<T extends object>(context: CallContext): Promise<T> {
    const startedAt = Date.now();
    try {
      const result = (await pipeline(context)) as T;
      return attachCallInfo(result, context.info);
    } catch (error) {
      throw redactError(error, secrets);
    } finally {
      context.info.latencyMs = Date.now() - startedAt;
      context.info.complete = true;
    }
  }

  function stream(context: CallContext): ChatStream {
    return new ChatStream(
      async () => (await pipeline(context)) as AsyncIterable<ChatCompletionChunk>,
      context.info,
      Date.now(),
      (error) => redactError(error, secrets),
    );
  }

  const modelOf = (request: unknown): unknown =>
    request !== null && typeof request === 'object' ? (request as { model?: unknown }).model : undefined;
  const requireObject = (request: unknown, method: string): void => {
    if (request === null || typeof request !== 'object') {
      throw new ConfigurationError(`${method}(request): request must be an object`);
    }
  };

  /** A route for the per-provider client: the model is that provider's id, never parsed. */
  const routeFor = (provider: ResolvedProvider, model: unknown): ResolvedRoute => {
    if (typeof model !== 'string' || model === '') {
      throw new ConfigurationError(`request.model must be a non-empty ${provider.id} model id`, { provider: provider.id });
    }
    return gateway === undefined ? { provider, model } : { provider: gateway, model: `${provider.id}/${model}` };
  };

  const client = {
    chat(request: unknown, callOptions?: CallOptions) {
      requireObject(request, 'chat');
      return unary<ChatCompletionResponse>(createContext('chat', request, router.route(modelOf(request)), callOptions));
    },
    chatStream(request: unknown, callOptions?: CallOptions) {
      requireObject(request, 'chatStream');
      return stream(createContext('chatStream', request, router.route(modelOf(request)), callOptions));
    },
    embed(request: unknown, callOptions?: CallOptions) {
      requireObject(request, 'embed');
      return unary<EmbeddingResponse>(createContext('embed', request, router.route(modelOf(request)), callOptions));
    },
    listModels(request?: { provider?: string }, callOptions?: CallOptions) {
      const id = request?.provider;
      let route: ResolvedRoute;
      if (id !== undefined) {
        const provider = router.provider(id);
        route = { provider: gateway ?? provider, model: '' };
      } else if (gateway !== undefined) {
        route = { provider: gateway, model: '' };
      } else {
        throw new ConfigurationError('listModels needs { provider } unless the client has a gateway baseURL');
      }
      return unary<ModelsListResponse>(createContext('listModels', request ?? {}, route, callOptions));
    },
    provider(id: string) {
      const provider = router.provider(id);
      const bound: Record<string, unknown> = { id };
      const methods = new Set(
        Object.keys(provider.definition.endpoints).flatMap((endpoint) => METHODS_BY_ENDPOINT[endpoint as EndpointName] ?? []),
      );
      if (methods.has('chat')) {
        bound.chat = (request: unknown, callOptions?: CallOptions) => {
          requireObject(request, 'chat');
          return unary(createContext('chat', request, routeFor(provider, modelOf(request)), callOptions));
        };
        bound.chatStream = (request: unknown, callOptions?: CallOptions) => {
          requireObject(request, 'chatStream');
          return stream(createContext('chatStream', request, routeFor(provider, modelOf(request)), callOptions));
        };
      }
      if (methods.has('embed')) {
        bound.embed = (request: unknown, callOptions?: CallOptions) => {
          requireObject(request, 'embed');
          return unary(createContext('embed', request, routeFor(provider, modelOf(request)), callOptions));
        };
      }
      if (methods.has('listModels')) {
        bound.listModels = (callOptions?: CallOptions) =>
          unary(createContext('listModels', {}, { provider: gateway ?? provider, model: '' }, callOptions));
      }
      return Object.freeze(bound);
    },
  };
  return client as unknown as LiterLlmClient<C>;
}

function readEnvironment(): Readonly<Record<string, string | undefined>> {
  // Web-standard runtimes have no process; they pass keys explicitly.
  const processLike = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return processLike?.env ?? {};
}

function collectSecrets(
  options: ReturnType<typeof normalizeClientOptions>,
  definitions: ReadonlyMap<string, ProviderDefinition>,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined): void => {
    if (value !== undefined && value !== '') secrets.add(value);
  };
  add(options.apiKey);
  for (const key of Object.values(options.apiKeys)) add(key);
  for (const override of Object.values(options.providers)) add(override.apiKey);
  for (const definition of definitions.values()) {
    if (definition.auth.scheme !== 'none') add(env[definition.auth.envVar]);
  }
  return [...secrets];
}
