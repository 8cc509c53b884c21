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

type StreamClass<S> = new (
  open: () => Promise<AsyncIterable<never>>,
  info: CallInfoRecord,
  startedAt: number,
  mapError: (error: unknown) => unknown,
) => S;

/** Runs calls through the composed pipeline: contexts, `callInfo` records, and secret scrubbing. */
export interface CallRunner {
  context(operation: Operation, request: unknown, route: ResolvedRoute, options: CallOptions | undefined): CallContext;
  /** A call whose result is an object (`callInfo` attached to it). */
  unary<T extends object>(context: CallContext): Promise<T>;
  /** A call whose result is a stream, opened on its first iteration. */
  stream<S extends CallStream<unknown>>(context: CallContext, Stream: StreamClass<S>): S;
}

export function createCallRunner(
  pipeline: Next,
  options: NormalizedClientOptions,
  secrets: SecretRegistry,
  services: CallServices,
): CallRunner {
  return {
    context(operation, request, route, callOptions) {
      return {
        operation,
        request,
        route,
        options: normalizeCallOptions(options, callOptions),
        info: createCallInfoRecord(operation, route.provider.id, route.model),
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
    stream(context, Stream) {
      return new Stream(
        async () => (await pipeline(context)) as AsyncIterable<never>,
        context.info,
        Date.now(),
        (error) => redactError(error, secrets.values),
      );
    },
  };
}
