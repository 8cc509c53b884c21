import { createCallInfoRecord } from '../../src/call/call-info.js';
import { ConfigurationError } from '../../src/errors/error-classes.js';
import type { CallContext, CallServices, DeploymentTarget } from '../../src/call/call-context.js';
import type { Operation } from '../../src/call/operation.js';
import type { ProviderDefinition } from '../../src/provider-definition.js';
import type { ResolvedProvider } from '../../src/routing/resolved-provider.js';
import type { ResolvedRoute } from '../../src/routing/resolved-route.js';
import { createManualClock, type ManualClock } from './manual-clock.js';

/** Fakes shared by the fallback, router and health-check tests: routes, services, contexts, streams, a clock. */

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
  };
}

export interface FakeServices extends CallServices {
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

export interface FakeContextInput {
  readonly operation?: Operation;
  readonly request?: unknown;
  readonly model?: string;
  readonly route?: ResolvedRoute;
  readonly signal?: AbortSignal;
  readonly services?: CallServices;
}

export function fakeContext(input: FakeContextInput = {}): CallContext {
  const services = input.services ?? fakeServices();
  const model = input.model ?? 'openai/gpt-4o';
  const request = input.request ?? { model, messages: [{ role: 'user', content: 'Hi' }] };
  let route = input.route;
  if (route === undefined) {
    try {
      route = services.resolveRoute(model);
    } catch {
      route = { provider: fakeProvider('placeholder'), model };
    }
  }
  const operation = input.operation ?? 'chat';
  return {
    operation,
    request,
    route,
    options: { signal: input.signal, timeoutMs: 60_000, maxRetries: 0, headers: {}, cache: undefined, tags: [] },
    info: createCallInfoRecord(operation, route.provider.id, route.model),
    services,
  };
}

/** `provider/model` of the route a context goes to. */
export function routeName(context: CallContext): string {
  return `${context.route.provider.id}/${context.route.model}`;
}

export interface FakeStream<T> extends AsyncIterable<T> {
  /** Chunks handed out so far. */
  readonly pulled: number;
  readonly returned: boolean;
}

/** A stream of `chunks` that throws `error` when asked for chunk number `failAt` (0 = the first). */
export function fakeStream<T>(chunks: readonly T[], options: { failAt?: number; error?: unknown } = {}): FakeStream<T> {
  let pulled = 0;
  let returned = false;
  let done = false;
  return {
    get pulled() {
      return pulled;
    },
    get returned() {
      return returned;
    },
    [Symbol.asyncIterator](): AsyncIterator<T> {
      return {
        async next() {
          if (done) return { done: true, value: undefined };
          if (options.failAt === pulled) {
            done = true;
            throw options.error;
          }
          const chunk = chunks[pulled];
          if (chunk === undefined) {
            done = true;
            return { done: true, value: undefined };
          }
          pulled += 1;
          return { done: false, value: chunk };
        },
        async return() {
          returned = true;
          done = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
}

export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

export type FakeClock = ManualClock;

export function createFakeClock(start = 1_000): FakeClock {
  return createManualClock(start);
}
