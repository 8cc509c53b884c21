import type { CallInfo, CallInfoRecord } from '../../call/call-info.js';
import { HookRejectedError } from '../../errors/error-classes.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { Middleware } from '../compose.js';
import type { CallContext } from '../../call/call-context.js';
import { createStreamOutcomeCollector } from './create-stream-outcome-collector.js';
import type { Hook, HookErrorEvent, HookRequest, HookResponseEvent, HookRoute } from './hook.js';
import { normalizeHooksOptions } from './normalize-hooks-options.js';

/** Which hook threw, for `onHookError`. */
export interface HookFailure {
  readonly index: number;
  readonly hook: 'onResponse' | 'onError';
  readonly operation: string;
}

export interface HooksDependencies {
  /** Latency in the events' `info`. */
  readonly clock?: Clock;
  /**
   * Told about an error thrown by an `onResponse` or `onError` hook, which never changes the call's
   * outcome. Without it such errors are swallowed.
   */
  readonly onHookError?: (error: unknown, failure: HookFailure) => void;
}

const STREAM_OPERATIONS = new Set(['chatStream', 'responses.createStream']);

/**
 * Runs `onRequest`, `onResponse` and `onError` hooks around every call, in array order, each once
 * per call and awaited. `onRequest` hooks see the previous one's rewrite; when the final request
 * names another `model`, it is routed again (`services.resolveRoute`: write `provider/model`). An
 * `onRequest` that throws (or returns something that is not an object) rejects the call with
 * `HookRejectedError` (`cause`: what it threw) before anything is sent, and the `onError` hooks
 * then see that error. Errors thrown by `onResponse` and `onError` are swallowed (reported to
 * `onHookError` when given): the call keeps its outcome.
 *
 * Streams pass through without buffering. `onResponse` runs once, when the stream ends cleanly,
 * with the assembled outcome; when the consumer stops early (`break`), it runs once with what was
 * delivered and `complete: false`. An error raised mid-stream runs `onError` once, then reaches the
 * consumer. A stream that is never iterated is never sent, and runs no hook.
 *
 * Place it outside retry and fallback layers, so that it sees one call, not each attempt.
 *
 * @example
 * const client = createClient({
 *   providers: { groq: { apiKey: 'k' } },
 *   middleware: [createHooksMiddleware([{
 *     onRequest: ({ request }) => ({ ...request, user: 'tenant-42' }),
 *     onResponse: ({ info }) => console.log(info.model, info.usage),
 *     onError: ({ error }) => console.error(error),
 *   }])],
 * });
 */
export function createHooksMiddleware(hooks: readonly Hook[], dependencies: HooksDependencies = {}): Middleware {
  const normalized = normalizeHooksOptions(hooks);
  const clock = dependencies.clock ?? systemClock;
  const report = dependencies.onHookError ?? (() => undefined);

  const runAfter = async <Name extends 'onResponse' | 'onError'>(
    name: Name,
    event: Name extends 'onResponse' ? HookResponseEvent : HookErrorEvent,
  ): Promise<void> => {
    for (let index = 0; index < normalized.length; index += 1) {
      const hook = normalized[index] as Hook;
      const run = hook[name] as ((event: HookResponseEvent | HookErrorEvent) => unknown) | undefined;
      if (run === undefined) continue;
      try {
        const outcome = run.call(hook, event);
        if (isThenable(outcome)) await outcome;
      } catch (error) {
        try {
          report(error, { index, hook: name, operation: event.operation });
        } catch {
          // A failing reporter must not change the outcome either.
        }
      }
    }
  };

  const runOnRequest = async (context: CallContext, startedAt: number): Promise<HookRequest> => {
    let request = context.request as HookRequest;
    for (let index = 0; index < normalized.length; index += 1) {
      const hook = normalized[index] as Hook;
      if (hook.onRequest === undefined) continue;
      let changed: unknown;
      try {
        const returned = hook.onRequest({
          operation: context.operation,
          request,
          route: { provider: context.route.provider.id, model: context.route.model },
          tags: context.options.tags,
          info: snapshot(context.info, clock.now() - startedAt, false),
        });
        changed = isThenable(returned) ? await returned : returned;
      } catch (error) {
        throw new HookRejectedError(`hooks[${index}].onRequest rejected the ${context.operation} call: ${messageOf(error)}`, { cause: error });
      }
      if (changed === undefined) continue;
      if (changed === null || typeof changed !== 'object' || Array.isArray(changed)) {
        const problem = new TypeError(`hooks[${index}].onRequest returned ${changed === null ? 'null' : typeof changed}; return a request object or undefined`);
        throw new HookRejectedError(problem.message, { cause: problem });
      }
      request = changed as HookRequest;
    }
    return request;
  };

  /** The context the call continues with: the rewritten request, routed again if its model changed. */
  const rewrite = (context: CallContext, request: HookRequest, modelBefore: unknown): CallContext => {
    const model = request.model;
    if (model === modelBefore || typeof model !== 'string') return request === context.request ? context : { ...context, request };
    let route;
    try {
      route = context.services.resolveRoute(model);
    } catch (error) {
      throw new HookRejectedError(`onRequest hooks changed request.model to "${model}", which does not route: ${messageOf(error)}`, { cause: error });
    }
    context.info.provider = route.provider.id;
    context.info.model = route.model;
    return { ...context, request, route };
  };

  return async function hooksMiddleware(context, next) {
    const startedAt = clock.now();
    let current = context;
    // Events are built field by field (the order hooks have always seen), not spread from a
    // shared base: spreading cost a hooked call more than the rest of its event.
    const errorEvent = (error: unknown): HookErrorEvent => ({
      operation: context.operation,
      request: current.request as HookRequest,
      tags: context.options.tags,
      route: servedRoute(context.info),
      info: snapshot(context.info, clock.now() - startedAt, true),
      error,
    });
    const responseEvent = (response: unknown, complete: boolean): HookResponseEvent => ({
      operation: context.operation,
      request: current.request as HookRequest,
      tags: context.options.tags,
      route: servedRoute(context.info),
      info: snapshot(context.info, clock.now() - startedAt, true),
      response,
      complete,
    });
    let result: unknown;
    try {
      const modelBefore = (context.request as HookRequest).model;
      current = rewrite(context, await runOnRequest(context, startedAt), modelBefore);
      result = await next(current);
    } catch (error) {
      await runAfter('onError', errorEvent(error));
      throw error;
    }
    if (!STREAM_OPERATIONS.has(context.operation)) {
      await runAfter('onResponse', responseEvent(result, true));
      return result;
    }
    return observeStream(result as AsyncIterable<unknown>);

    async function* observeStream(stream: AsyncIterable<unknown>): AsyncGenerator<unknown> {
      const collector = createStreamOutcomeCollector(context.operation);
      let settled = false;
      try {
        for await (const item of stream) {
          collector.add(item);
          yield item;
        }
        settled = true;
      } catch (error) {
        settled = true;
        await runAfter('onError', errorEvent(error));
        throw error;
      } finally {
        // Neither ended nor failed: the consumer stopped early.
        if (!settled) await runAfter('onResponse', responseEvent(collector.result(), false));
      }
      await runAfter('onResponse', responseEvent(collector.result(), true));
    }
  };
}

function servedRoute(info: CallInfoRecord): HookRoute {
  return { provider: info.provider, model: info.model };
}

function snapshot(info: CallInfoRecord, latencyMs: number, complete: boolean): CallInfo {
  return {
    ...info,
    fallbacks: [...info.fallbacks],
    warnings: [...info.warnings],
    usage: info.usage === undefined ? undefined : copyPlainData(info.usage),
    latencyMs,
    complete,
  };
}

/**
 * A deep copy of JSON-shaped data (usage is parsed from a response or summed from chunks). Two
 * snapshots a call made `structuredClone` a measurable part of a hooked call; a plain walk does
 * the same for this data at a fraction of the cost.
 */
function copyPlainData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyPlainData) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyPlainData((value as Record<string, unknown>)[key]);
  return copy as T;
}

/**
 * Whether a hook returned a promise (or thenable) to wait for. Most hooks are synchronous, and
 * awaiting their `undefined` would still cost every call a turn of the microtask queue per hook.
 */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
