import { createCallInfoRecord } from '../../../src/call/call-info.js';
import type { CallContext } from '../../../src/call/call-context.js';
import type { Operation } from '../../../src/call/operation.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';
import { createManualClock, type ManualClock } from '../../support/manual-clock.js';

/** A clock that moves only when a test says so, starting on a date the price table covers. */
export function createFakeClock(start = Date.UTC(2025, 5, 1, 12)): ManualClock {
  return createManualClock(start);
}

/** A route naming a provider by id only: enough for layers that read ids. */
export function fakeRoute(provider: string, model: string): ResolvedRoute {
  return { provider: { id: provider }, model } as unknown as ResolvedRoute;
}

/** A call context as the runner builds it; `model` is `provider/model`. */
export function createTestContext(
  operation: Operation,
  request: Record<string, unknown>,
  options: { tags?: string[]; signal?: AbortSignal } = {},
): CallContext {
  const model = String(request.model ?? 'openai/gpt-4o');
  const slash = model.indexOf('/');
  const route = fakeRoute(model.slice(0, slash), model.slice(slash + 1));
  return {
    operation,
    request,
    route,
    options: { signal: options.signal, timeoutMs: 60_000, maxRetries: 0, headers: {}, cache: undefined, tags: options.tags ?? [] },
    info: createCallInfoRecord(operation, route.provider.id, route.model),
    services: {
      resolveRoute: (next) => fakeRoute(next.slice(0, next.indexOf('/')), next.slice(next.indexOf('/') + 1)),
      resolveDeployment: ({ model: next }) => fakeRoute(next.slice(0, next.indexOf('/')), next.slice(next.indexOf('/') + 1)),
    },
  };
}

/** A chunk stream that records how it was consumed; `usage` goes to the context's info at the end, like the core. */
export function createFakeStream(
  context: CallContext,
  texts: readonly string[],
  options: { usage?: Record<string, unknown>; failAfter?: number } = {},
): { stream: AsyncIterable<unknown>; state: { pulled: number; returned: boolean; finished: boolean } } {
  const state = { pulled: 0, returned: false, finished: false };
  async function* generate(): AsyncGenerator<unknown> {
    try {
      for (const [index, text] of texts.entries()) {
        if (options.failAfter !== undefined && index === options.failAfter) throw new Error('stream broke');
        state.pulled += 1;
        yield { id: 'c1', model: context.route.model, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] };
      }
      if (options.usage !== undefined) context.info.usage = options.usage;
      state.finished = true;
    } finally {
      if (!state.finished) state.returned = true;
    }
  }
  return { stream: generate(), state };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
