import type { ModelsListResponse } from '../../generated/types/index.js';
import { attachCallInfo, callInfo, createCallInfoRecord, type CallInfoRecord } from '../call/call-info.js';
import { createLazyAuthorizerFactory } from '../dialects/create-lazy-authorizer-factory.js';
import { ConfigurationError } from '../errors/error-classes.js';
import { compose } from '../middleware/compose.js';
import type { CallServices } from '../call/call-context.js';
import type { EndpointName, ProviderDefinition } from '../provider-definition.js';
import { resolveProvider } from '../routing/resolve-provider.js';
import type { ResolvedProvider } from '../routing/resolved-provider.js';
import { createModelResolver } from '../routing/create-model-resolver.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import type { CallOptions, ClientOptions } from './client-options.js';
import type { Catalog, LiterLlmClient, ProviderCallOptions } from './client-types.js';
import { createCallRunner } from '../call/create-call-runner.js';
import { createSecretRegistry } from './create-secret-registry.js';
import { createEnvironmentReader } from './create-environment-reader.js';
import { createClientMethods } from './create-client-methods.js';
import { createCoreHandler } from '../call/create-core-handler.js';
import { createLazyMiddlewareStack } from '../middleware/create-lazy-middleware-stack.js';
import { createUnresolvedRoute } from '../middleware/router/create-unresolved-route.js';
import { listModelsAcrossProviders, type AllModelsListResponse } from './list-models-across-providers.js';
import { METHODS_BY_ENDPOINT } from './methods-by-endpoint.js';
import { normalizeClientOptions } from './normalize-client-options.js';

/** Provider of files, batches and stored responses when the call names none and there is no gateway. */
const DEFAULT_PROVIDER = 'openai';

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

/**
 * A client over an explicit list of provider definitions. `createClient` passes the whole generated
 * registry; an app that wants one provider passes just that one (`liter-llm/core` plus
 * `liter-llm/providers/<id>`), and loads nothing else.
 */
export function createRegistryClient<C extends Catalog>(
  definitions: readonly ProviderDefinition[],
  options: ClientOptions = {},
  parseCustomProvider?: (value: unknown, index: number) => ProviderDefinition,
): LiterLlmClient<C> {
  const normalized = normalizeClientOptions(options);
  const all = new Map<string, ProviderDefinition>();
  for (const definition of definitions) all.set(definition.id, definition);
  for (const [index, value] of normalized.customProviders.entries()) {
    if (parseCustomProvider === undefined) {
      throw new ConfigurationError(
        "customProviders: liter-llm/core leaves out the provider-entry checker; pass defineProvider(entry) from 'liter-llm/define-provider' among the definitions, or use createClient from 'liter-llm'",
      );
    }
    const definition = parseCustomProvider(value, index);
    if (all.has(definition.id)) {
      throw new ConfigurationError(
        `customProviders[${index}] ("${definition.id}"): a provider with this id already exists; use providers.${definition.id} to override it`,
      );
    }
    all.set(definition.id, definition);
  }
  for (const id of [...Object.keys(normalized.providers), ...Object.keys(normalized.apiKeys)]) {
    if (!all.has(id)) throw new ConfigurationError(`options name an unknown provider "${id}"`, { provider: id });
  }

  const secrets = createSecretRegistry(normalized, all.values());
  const env = createEnvironmentReader(secrets.addEnvironmentValue);
  const providers = new Map<string, ResolvedProvider>();
  /** Resolved on first use: resolving reads the provider's environment variables (Deno may forbid it). */
  const providerOf = (id: string): ResolvedProvider => {
    let provider = providers.get(id);
    if (provider === undefined) {
      const definition = all.get(id) as ProviderDefinition;
      provider = resolveProvider({
        definition,
        override: normalized.providers[id],
        apiKey: normalized.apiKeys[id],
        fallbackApiKey: normalized.apiKey,
        clientHeaders: normalized.headers,
        env,
        createAuthorizer: createLazyAuthorizerFactory(definition.dialect),
        fetch: normalized.fetch,
      });
      providers.set(id, provider);
    }
    return provider;
  };
  // Providers the options name are resolved now, so a bad override (a baseURL) fails construction.
  for (const id of [...Object.keys(normalized.providers), ...Object.keys(normalized.apiKeys)]) providerOf(id);
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
  const resolver = createModelResolver({ definitions: all, resolve: providerOf, gateway, modelHint: normalized.modelHint });
  const services: CallServices = {
    resolveRoute: (model) => resolver.route(model),
    resolveDeployment: ({ model, ...override }) => {
      const route = resolver.route(model);
      if (route.provider.gateway || Object.keys(override).length === 0) return route;
      const definition = route.provider.definition;
      secrets.addOverride(override);
      const provider = resolveProvider({
        definition,
        override: { ...normalized.providers[definition.id], ...override },
        apiKey: normalized.apiKeys[definition.id],
        fallbackApiKey: normalized.apiKey,
        clientHeaders: normalized.headers,
        env,
        createAuthorizer: createLazyAuthorizerFactory(definition.dialect),
        fetch: normalized.fetch,
      });
      return { provider, model: route.model };
    },
  };
  const core = createCoreHandler({ fetch: normalized.fetch, secrets });
  const stack = createLazyMiddlewareStack(options, normalized.middleware, { core, services });
  const pipeline = compose(stack.layers, core);
  const runner = createCallRunner(pipeline, normalized, secrets, services);
  /** Router aliases are model strings of their own; the router layer picks their deployment. */
  const routeModelString = (model: unknown): ResolvedRoute =>
    typeof model === 'string' && stack.aliases.has(model) ? createUnresolvedRoute(model) : resolver.route(model);

  const modelOf = (request: object): unknown => (request as { model?: unknown }).model;

  /** Files, batches and stored responses: `options.provider`, else the gateway, else `openai`. */
  const routeProvider = (options: ProviderCallOptions | undefined, method: string): ResolvedRoute => {
    const id = options?.provider;
    if (id !== undefined) {
      const provider = resolver.provider(id);
      return { provider: gateway ?? provider, model: '' };
    }
    if (gateway !== undefined) return { provider: gateway, model: '' };
    if (!all.has(DEFAULT_PROVIDER)) {
      throw new ConfigurationError(`${method} needs options.provider: this client has no gateway baseURL and no "${DEFAULT_PROVIDER}" provider`);
    }
    return { provider: resolver.provider(DEFAULT_PROVIDER), model: '' };
  };

  /** A route for the per-provider client: the model is that provider's id, never parsed. */
  const routeFor = (provider: ResolvedProvider, model: unknown): ResolvedRoute => {
    if (typeof model !== 'string' || model === '') {
      throw new ConfigurationError(`request.model must be a non-empty ${provider.id} model id`, { provider: provider.id });
    }
    return gateway === undefined ? { provider, model } : { provider: gateway, model: `${provider.id}/${model}` };
  };

  const listModelsOf = async (provider: ResolvedProvider, callOptions: CallOptions | undefined): Promise<ModelsListResponse> =>
    runner.unary<ModelsListResponse>(runner.context('listModels', { provider: provider.id }, { provider: gateway ?? provider, model: '' }, callOptions));

  /** Every provider the client has credentials or an override for, that declares a models endpoint. */
  const listAll = async (callOptions: CallOptions | undefined): Promise<AllModelsListResponse> => {
    const info = createCallInfoRecord('listModels', '*', '');
    const startedAt = Date.now();
    // Asking every provider whether it is configured reads every provider's environment variables.
    const configured = [...all.keys()].map(providerOf).filter((provider) => provider.configured && provider.definition.endpoints.models !== undefined);
    const result = await listModelsAcrossProviders(
      configured.map((provider) => provider.id),
      async (id) => {
        const route = { provider: providerOf(id), model: '' };
        const context = runner.context('listModels', { provider: id }, route, callOptions);
        try {
          return await runner.unary<ModelsListResponse>(context);
        } finally {
          info.attempts += context.info.attempts;
        }
      },
    );
    info.latencyMs = Date.now() - startedAt;
    info.complete = true;
    return attachCallInfo(result, info);
  };

  const client = {
    ...createClientMethods(runner, {
      routeModel: (request) => routeModelString(modelOf(request)),
      routeProvider,
    }),
    // async: a bad provider id or call option is a rejected promise, like every other method's.
    async listModels(request?: { provider?: string }, callOptions?: CallOptions): Promise<ModelsListResponse | AllModelsListResponse> {
      const id = request?.provider;
      if (id !== undefined) return listModelsOf(resolver.provider(id), callOptions);
      if (gateway !== undefined) {
        return runner
          .unary<ModelsListResponse>(runner.context('listModels', request ?? {}, { provider: gateway, model: '' }, callOptions))
          .then((response) => attachCallInfo({ ...response, errors: [] }, callInfoRecordOf(response)));
      }
      return listAll(callOptions);
    },
    close(): void {
      stack.close();
    },
    provider(id: string) {
      const provider = resolver.provider(id);
      const methods: Record<string, unknown> = {
        ...createClientMethods(runner, {
          routeModel: (request) => routeFor(provider, modelOf(request)),
          routeProvider: () => ({ provider: gateway ?? provider, model: '' }),
        }),
        listModels: (callOptions?: CallOptions) => listModelsOf(provider, callOptions),
      };
      const bound: Record<string, unknown> = { id };
      for (const endpoint of Object.keys(provider.definition.endpoints) as EndpointName[]) {
        for (const name of METHODS_BY_ENDPOINT[endpoint] ?? []) bound[name] = methods[name];
      }
      return Object.freeze(bound);
    },
  };
  return client as unknown as LiterLlmClient<C>;
}

function callInfoRecordOf(result: object): CallInfoRecord {
  return callInfo(result) as CallInfoRecord;
}
