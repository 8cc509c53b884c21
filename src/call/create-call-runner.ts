import { attachCallInfo, createCallInfoRecord } from './call-info.js';
import { redactError } from '../errors/redact-error.js';
import type { CallContext, CallServices, Next } from './call-context.js';
import type { Operation } from './operation.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import type { CallStream } from './call-stream.js';
import type { CallInfoRecord } from './call-info.js';
import type { CallOptions } from '../client/client-options.js';
import type { SecretRegistry } from '../client/create-secret-registry.js';
import { normalizeCallOptions } from './normalize-call-options.js';
import type { NormalizedClientOptions } from '../client/normalize-client-options.js';

export type StreamClass<S> = new (
  open: () => Promise<AsyncIterable<never>>,
  info: CallInfoRecord,
  startedAt: number,
  mapError: (error: unknown) => unknown,
) => S;

/** Runs calls through the composed pipeline: contexts, `callInfo` records, and secret scrubbing. */
export interface CallRunner {
  /** Throws a `ConfigurationError` naming a bad call option. */
  context(
    operation: Operation,
    request: unknown,
    route: ResolvedRoute,
    options: CallOptions | undefined,
    info?: CallInfoRecord,
  ): CallContext;
  /** A call whose result is an object (`callInfo` attached to it). */
  unary<T extends object>(context: CallContext): Promise<T>;
  /**
   * A call whose result is a stream, opened on its first iteration; `prepare` (checks and routing)
   * runs then too, so a bad argument fails the first iteration. `info` is the stream's `callInfo`.
   */
  stream<S extends CallStream<unknown>>(
    info: CallInfoRecord,
    prepare: () => CallContext | Promise<CallContext>,
    Stream: StreamClass<S>,
  ): S;
}

export function createCallRunner(
  pipeline: Next,
  options: NormalizedClientOptions,
  secrets: SecretRegistry,
  services: CallServices,
): CallRunner {
  return {
    context(operation, request, route, callOptions, info) {
      const record = info ?? createCallInfoRecord(operation, route.provider.id, route.model);
      if (info !== undefined) {
        info.provider = route.provider.id;
        info.model = route.model;
      }
      return {
        operation,
        request,
        route,
        options: normalizeCallOptions(options, callOptions),
        info: record,
        services,
      };
    },
    async unary<T extends object>(context: CallContext): Promise<T> {
      const startedAt = Date.now();
      try {
        const result = (await pipeline(context)) as T;
        return attachCallInfo(result, context.info);
      } catch (error) {
        throw redactError(error, secrets.values);
      } finally {
        context.info.latencyMs = Date.now() - startedAt;
        context.info.complete = true;
      }
    },
    stream(info, prepare, Stream) {
      return new Stream(
        async () => (await pipeline(await prepare())) as AsyncIterable<never>,
        info,
        Date.now(),
        (error) => redactError(error, secrets.values),
      );
    },
  };
}
