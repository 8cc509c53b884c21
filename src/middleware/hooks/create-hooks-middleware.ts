import type { CallInfo, CallInfoRecord } from '../../call/call-info.js';
import { HookRejectedError } from '../../errors/error-classes.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { Middleware } from '../compose.js';
import type { CallContext } from '../../call/call-context.js';
import { isThenable } from '../maybe-promise.js';
import { observeCall } from '../observe-call.js';
import { createStreamOutcomeCollector, type StreamOutcomeCollector } from './create-stream-outcome-collector.js';
import type { Hook, HookErrorEvent, HookRequest, HookResponseEvent, HookRoute } from './hook.js';
import { normalizeHooksOptions } from './normalize-hooks-options.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';

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

  /**
   * Runs one kind of after-call hook from `from` on. Synchronous hooks run without a turn of the
   * microtask queue; after the first one that returns a promise, the rest wait for it.
   */
  const runAfter = <Name extends 'onResponse' | 'onError'>(
    name: Name,
    event: Name extends 'onResponse' ? HookResponseEvent : HookErrorEvent,
    from = 0,
  ): void | Promise<void> => {
    const failed = (error: unknown, index: number): void => {
      try {
        report(error, { index, hook: name, operation: event.operation });
      } catch {
        // A failing reporter must not change the outcome either.
      }
    };
    for (let index = from; index < normalized.length; index += 1) {
      const hook = normalized[index] as Hook;
      const run = hook[name] as ((event: HookResponseEvent | HookErrorEvent) => unknown) | undefined;
      if (run === undefined) continue;
      try {
        const outcome = run.call(hook, event);
        if (isThenable(outcome)) {
          return Promise.resolve(outcome).then(
            () => runAfter(name, event, index + 1),
            (error: unknown) => {
              failed(error, index);
              return runAfter(name, event, index + 1);
            },
          );
        }
      } catch (error) {
        failed(error, index);
      }
    }
    return undefined;
  };

  /** The request after every `onRequest` hook from `from` on; synchronous while the hooks are. */
  const runOnRequest = (context: CallContext, startedAt: number, from = 0, current = context.request as HookRequest): HookRequest | Promise<HookRequest> => {
    let request = current;
    for (let index = from; index < normalized.length; index += 1) {
      const hook = normalized[index] as Hook;
      if (hook.onRequest === undefined) continue;
      let returned: unknown;
      try {
        returned = hook.onRequest({
          operation: context.operation,
          request,
          route: { provider: context.route.provider.id, model: context.route.model },
          tags: context.options.tags,
          info: snapshot(context.info, clock.now() - startedAt, false),
        });
      } catch (error) {
        throw rejectedBy(context, index, error);
      }
      if (isThenable(returned)) {
        const before = request;
        return Promise.resolve(returned).then(
          (changed) => runOnRequest(context, startedAt, index + 1, applyChange(index, changed, before)),
          (error: unknown) => {
            throw rejectedBy(context, index, error);
          },
        );
      }
      request = applyChange(index, returned, request);
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

  return function hooksMiddleware(context, next) {
    const startedAt = clock.now();
    let current = context;
    // Events are built field by field (the order hooks have always seen), not spread from a
    // shared base: spreading cost a hooked call more than the rest of its event.
    const afterEvent = (): Record<string, unknown> => ({
      operation: context.operation,
      request: current.request as HookRequest,
      tags: context.options.tags,
      route: servedRoute(context.info),
      info: snapshot(context.info, clock.now() - startedAt, true),
    });
    const errorEvent = (error: unknown): HookErrorEvent => {
      const event = afterEvent();
      event.error = error;
      return event as unknown as HookErrorEvent;
    };
    const responseEvent = (response: unknown, complete: boolean): HookResponseEvent => {
      const event = afterEvent();
      event.response = response;
      event.complete = complete;
      return event as unknown as HookResponseEvent;
    };
    const modelBefore = (context.request as HookRequest).model;
    let collector: StreamOutcomeCollector | undefined;
    const collected = (): StreamOutcomeCollector => (collector ??= createStreamOutcomeCollector(context.operation));
    return observeCall(
      () => {
        const request = runOnRequest(context, startedAt);
        const send = (final: HookRequest): Promise<unknown> => next((current = rewrite(context, final, modelBefore)));
        return isThenable(request) ? request.then(send) : send(request);
      },
      STREAM_OPERATIONS.has(context.operation),
      {
        onItem: (item) => collected().add(item),
        onEnd: (end) => {
          if (end.status === 'rejected' || end.status === 'failed') return runAfter('onError', errorEvent(end.error));
          if (end.status === 'returned') return runAfter('onResponse', responseEvent(end.result, true));
          // A stream the consumer stopped early is reported with what was delivered.
          return runAfter('onResponse', responseEvent(collected().result(), end.status === 'completed'));
        },
      },
    );
  };
}

function rejectedBy(context: CallContext, index: number, error: unknown): HookRejectedError {
  return new HookRejectedError(`hooks[${index}].onRequest rejected the ${context.operation} call: ${messageOf(error)}`, { cause: error });
}

/** What an `onRequest` hook returned, applied: `undefined` keeps the request, anything but an object is an error. */
function applyChange(index: number, changed: unknown, request: HookRequest): HookRequest {
  if (changed === undefined) return request;
  if (changed === null || typeof changed !== 'object' || Array.isArray(changed)) {
    const problem = new TypeError(`hooks[${index}].onRequest returned ${changed === null ? 'null' : typeof changed}; return a request object or undefined`);
    throw new HookRejectedError(problem.message, { cause: problem });
  }
  return changed as HookRequest;
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
