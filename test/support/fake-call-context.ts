import { createCallInfoRecord } from '../../src/call/call-info.js';
import { ConfigurationError } from '../../src/errors/error-classes.js';
import type { CallContext, CallServices, DeploymentTarget, NormalizedCallOptions } from '../../src/call/call-context.js';
import type { Operation } from '../../src/call/operation.js';
import type { ProviderDefinition } from '../../src/provider-definition.js';
import type { ResolvedProvider } from '../../src/routing/resolved-provider.js';
import type { ResolvedRoute } from '../../src/routing/resolved-route.js';

/** A provider as the client resolves one (openai dialect, keyless), without a client. */
export function fakeProvider(id: string, baseURL = `https://${id}.example/v1`, endpoints: ProviderDefinition['endpoints'] = { chat: { path: '/chat/completions' }, models: { path: '/models' } }): ResolvedProvider {
  const definition: ProviderDefinition = {
    id,
    name: id,
    kind: 'hosted',
    dialect: 'openai',
    baseURL,
    urlVariables: {},
    auth: { scheme: 'bearer', envVar: 'X', optional: true },
    endpoints,
    modelPrefixes: [],
    models: [],
    quirks: { renameParams: {}, dropParams: [], roleMap: {}, headers: {}, query: {}, streamUsage: false, defaultParams: {} },
  };
  return {
    id,
    definition,
    gateway: false,
    configured: true,
    quirks: definition.quirks,
    authorizer: undefined,
    unavailable: undefined,
    buildUrl: (path, model) => `${baseURL}${path.replace('{model}', model)}?key=secret`,
    buildHeaders: () => ({}),
    scopeDigest: (scope) => Promise.resolve(`${scope} ${id} ${baseURL}`),
  };
}

export interface FakeServices extends CallServices {
  /** Models passed to `resolveDeployment`, in order. */
  readonly resolved: string[];
}

/** Routes `provider/model` strings to fake providers; anything without a slash is unknown (like an alias). */
export function fakeServices(): FakeServices {
  const providers = new Map<string, ResolvedProvider>();
  const resolved: string[] = [];
  const provider = (id: string, baseURL?: string): ResolvedProvider => {
    const key = `${id} ${baseURL ?? ''}`;
    let found = providers.get(key);
    if (found === undefined) {
      found = fakeProvider(id, baseURL);
      providers.set(key, found);
    }
    return found;
  };
  const route = (model: string, baseURL?: string): ResolvedRoute => {
    const slash = model.indexOf('/');
    if (slash <= 0) throw new ConfigurationError(`cannot tell which provider serves "${model}"`, { model });
    return { provider: provider(model.slice(0, slash), baseURL), model: model.slice(slash + 1) };
  };
  return {
    resolved,
    resolveRoute: (model) => route(model),
    resolveDeployment: (target: DeploymentTarget) => {
      resolved.push(target.model);
      return route(target.model, target.baseURL);
    },
  };
}

export interface FakeCallInput extends Partial<Omit<NormalizedCallOptions, 'headers' | 'tags'>> {
  readonly operation?: Operation;
  /** Default: `{ model, messages: [{ role: 'user', content: 'Hi' }] }`. */
  readonly request?: unknown;
  /**
   * `provider/model`, or with `provider` the model id alone. Default: the request's `model`, else
   * `openai/gpt-4o`. A model without a provider goes to a `placeholder` provider (like an alias).
   */
  readonly model?: string;
  readonly provider?: string;
  /** With `provider`: the synthetic provider behind a client-level `baseURL`. */
  readonly gateway?: boolean;
  /** Default: a route resolved from `model` (by `services` when no `provider` is given). */
  readonly route?: ResolvedRoute;
  readonly services?: CallServices;
  readonly headers?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
}

/** A call context as the runner builds it, without a client: enough for one layer and a fake `next`. */
export function fakeCallContext(input: FakeCallInput = {}): CallContext {
  const services = input.services ?? fakeServices();
  const requested = (input.request as { model?: unknown } | undefined)?.model;
  const model = input.model ?? (typeof requested === 'string' ? requested : 'openai/gpt-4o');
  const route = input.route ?? fakeRoute(model, input, services);
  const operation = input.operation ?? 'chat';
  const named = input.provider === undefined ? model : `${input.provider}/${model}`;
  return {
    operation,
    request: input.request ?? { model: named, messages: [{ role: 'user', content: 'Hi' }] },
    route,
    options: {
      signal: input.signal,
      timeoutMs: input.timeoutMs ?? 60_000,
      deadlineAt: Date.now() + (input.timeoutMs ?? 60_000),
      maxRetries: input.maxRetries ?? 0,
      maxAttempts: input.maxAttempts ?? 10,
      maxResponseBytes: 64 * 1024 * 1024,
      streamTimeoutMs: undefined,
      headers: input.headers ?? {},
      cache: input.cache,
      tags: input.tags ?? [],
    },
    info: createCallInfoRecord(operation, route.provider.id, route.model),
    services,
  };
}

function fakeRoute(model: string, input: FakeCallInput, services: CallServices): ResolvedRoute {
  if (input.provider !== undefined) return { provider: { ...fakeProvider(input.provider), gateway: input.gateway ?? false }, model };
  try {
    return services.resolveRoute(model);
  } catch {
    return { provider: fakeProvider('placeholder'), model };
  }
}

/** `provider/model` of the route a context goes to. */
export function routeName(context: CallContext): string {
  return `${context.route.provider.id}/${context.route.model}`;
}
