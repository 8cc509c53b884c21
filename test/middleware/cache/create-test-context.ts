import { createCallInfoRecord } from '../../../src/call/call-info.js';
import type { CallContext } from '../../../src/call/call-context.js';
import type { Operation } from '../../../src/call/operation.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';
import { createManualClock, type ManualClock } from '../../support/manual-clock.js';

/** A clock that moves only when a test says so. */
export function createFakeClock(start = 1_000_000): ManualClock {
  return createManualClock(start);
}

/** A route that names a provider without resolving one; enough for layers that only read ids. */
export function fakeRoute(model: string, provider = 'groq'): ResolvedRoute {
  return { provider: { id: provider }, model } as unknown as ResolvedRoute;
}

/** A call context as the runner builds it, with per-call options overridable. */
export function createTestContext(
  operation: Operation,
  request: Record<string, unknown>,
  options: { cache?: boolean; headers?: Record<string, string>; timeoutMs?: number; tags?: string[] } = {},
): CallContext {
  const model = typeof request.model === 'string' ? request.model : '';
  const slash = model.indexOf('/');
  const route = slash < 0 ? fakeRoute(model) : fakeRoute(model.slice(slash + 1), model.slice(0, slash));
  return {
    operation,
    request,
    route,
    options: {
      signal: undefined,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxRetries: 2,
      headers: options.headers ?? {},
      cache: options.cache,
      tags: options.tags ?? [],
    },
    info: createCallInfoRecord(operation, route.provider.id, route.model),
    services: {
      resolveRoute: (next) => {
        const at = next.indexOf('/');
        return at < 0 ? fakeRoute(next) : fakeRoute(next.slice(at + 1), next.slice(0, at));
      },
      resolveDeployment: ({ model: next }) => fakeRoute(next),
    },
  };
}

/** Drains an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
