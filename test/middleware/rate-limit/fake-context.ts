import { createCallInfoRecord } from '../../../src/call/call-info.js';
import type { CallContext } from '../../../src/call/call-context.js';
import type { Operation } from '../../../src/call/operation.js';
import type { ResolvedProvider } from '../../../src/routing/resolved-provider.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';

export interface FakeContextInput {
  readonly operation?: Operation;
  readonly provider?: string;
  readonly model?: string;
  readonly request?: unknown;
  readonly signal?: AbortSignal;
  readonly gateway?: boolean;
}

export function fakeRoute(provider: string, model: string, gateway = false): ResolvedRoute {
  return { provider: { id: provider, gateway } as ResolvedProvider, model };
}

/** A context as the client builds it, without a client: enough for one layer and a fake `next`. */
export function fakeContext(input: FakeContextInput = {}): CallContext {
  const route = fakeRoute(input.provider ?? 'groq', input.model ?? 'llama', input.gateway);
  return {
    operation: input.operation ?? 'chat',
    request: input.request ?? { model: `${route.provider.id}/${route.model}`, messages: [{ role: 'user', content: 'hi' }] },
    route,
    options: { signal: input.signal, timeoutMs: 60_000, maxRetries: 0, headers: {}, cache: undefined, tags: [] },
    info: createCallInfoRecord(input.operation ?? 'chat', route.provider.id, route.model),
    services: {
      resolveRoute: (model) => {
        const slash = model.indexOf('/');
        return fakeRoute(model.slice(0, slash), model.slice(slash + 1));
      },
      resolveDeployment: ({ model }) => {
        const slash = model.indexOf('/');
        return fakeRoute(model.slice(0, slash), model.slice(slash + 1));
      },
    },
  };
}
