import { createCallInfoRecord, type CallInfoRecord } from '../call/call-info.js';
import type { CallContext } from '../call/call-context.js';
import type { CallStream } from '../call/call-stream.js';
import { checkPathId, checkRequest } from '../call/check-request.js';
import { ConfigurationError } from '../errors/error-classes.js';
import type { Operation } from '../call/operation.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import { ChatStream } from '../streaming/chat-stream.js';
import { ResponseStream } from '../streaming/response-stream.js';
import type { CallOptions } from './client-options.js';
import type { ProviderCallOptions } from './client-types.js';
import type { CallRunner, StreamClass } from '../call/create-call-runner.js';

/** Where the methods of one client send their calls. */
export interface MethodBinding {
  /** The route of a request by its `model` (throws `ConfigurationError` for a bad model). */
  routeModel(request: object, method: string): ResolvedRoute;
  /** The route of a method whose request names no model (files, batches, stored responses). */
  routeProvider(options: ProviderCallOptions | undefined, method: string): ResolvedRoute;
}

type Method = (...args: never[]) => unknown;
type Route = (request: object) => ResolvedRoute;
/** What a method checks of its request beyond the schema (an upload's `file`). */
type RequireBody = (request: object, method: string) => object;

const objectBody: RequireBody = (request) => request;

/**
 * Every method of a client except `listModels` and `provider`, for one binding: the
 * multi-provider client routes by model string, a per-provider client to its provider. Each
 * method checks its request against the operation's schema (`checkRequest`), builds one call
 * context and runs it through the pipeline. A bad argument is a rejected promise (a stream's first
 * iteration fails) with a `BadRequestError` or `ConfigurationError` naming the field; nothing is
 * sent and no middleware runs.
 */
export function createClientMethods(
  runner: CallRunner,
  binding: MethodBinding,
): Record<string, Method | Readonly<Record<string, Method>>> {
  /**
   * The context of a call, once its arguments passed their checks (options and routing first,
   * then the request's schema); synchronous for chat.
   */
  const prepare = (
    operation: Operation,
    request: unknown,
    route: Route,
    options: CallOptions | undefined,
    requireBody: RequireBody = objectBody,
    info?: CallInfoRecord,
  ): CallContext | Promise<CallContext> => {
    const checked = requireBody(requireObject(request, operation), operation);
    const context = runner.context(operation, checked, route(checked), options, info);
    const pending = checkRequest(operation, checked);
    return pending === undefined ? context : pending.then(() => context);
  };
  const unary = (prepared: () => CallContext | Promise<CallContext>): Promise<object> => {
    try {
      const context = prepared();
      return context instanceof Promise ? context.then((ready) => runner.unary(ready)) : runner.unary(context);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const byModel =
    (operation: Operation, requireBody?: RequireBody) =>
    (request: unknown, options?: CallOptions): Promise<object> =>
      unary(() => prepare(operation, request, (checked) => binding.routeModel(checked, operation), options, requireBody));
  const byId =
    (operation: Operation, field: 'file_id' | 'batch_id' | 'response_id', argument: string) =>
    (id: unknown, options?: ProviderCallOptions): Promise<object> =>
      unary(() => {
        if (typeof id !== 'string' || id === '')
          throw new ConfigurationError(`${operation}(${argument}): ${argument} must be a non-empty string`);
        checkPathId(operation, argument, id);
        return runner.context(operation, { [field]: id }, binding.routeProvider(options, operation), options);
      });
  const byProvider =
    (operation: Operation, optional: boolean, requireBody?: RequireBody) =>
    (request: unknown, options?: ProviderCallOptions): Promise<object> =>
      unary(() =>
        prepare(
          operation,
          optional && request === undefined ? {} : request,
          () => binding.routeProvider(options, operation),
          options,
          requireBody,
        ),
      );
  const stream = <S extends CallStream<unknown>>(
    operation: Operation,
    request: unknown,
    options: CallOptions | undefined,
    Stream: StreamClass<S>,
  ): S => {
    const info = createCallInfoRecord(operation, '', '');
    const route: Route = (checked) => binding.routeModel(checked, operation);
    return runner.stream(info, () => prepare(operation, request, route, options, objectBody, info), Stream);
  };

  return {
    chat: byModel('chat'),
    chatStream: (request: unknown, options?: CallOptions) => stream('chatStream', request, options, ChatStream),
    embed: byModel('embed'),
    completion: byModel('completion'),
    imageGenerate: byModel('imageGenerate'),
    speech: byModel('speech'),
    transcribe: byModel('transcribe', requireFile),
    translate: byModel('translate', requireFile),
    moderate: byModel('moderate'),
    rerank: byModel('rerank'),
    search: byModel('search'),
    ocr: byModel('ocr'),
    files: Object.freeze({
      create: byProvider('files.create', false, requireFile),
      retrieve: byId('files.retrieve', 'file_id', 'fileId'),
      list: byProvider('files.list', true),
      delete: byId('files.delete', 'file_id', 'fileId'),
      content: byId('files.content', 'file_id', 'fileId'),
    }),
    batches: Object.freeze({
      create: byProvider('batches.create', false),
      retrieve: byId('batches.retrieve', 'batch_id', 'batchId'),
      list: byProvider('batches.list', true),
      cancel: byId('batches.cancel', 'batch_id', 'batchId'),
    }),
    responses: Object.freeze({
      create(request: unknown, options?: CallOptions) {
        if (isRecord(request) && request['stream'] === true) {
          return stream('responses.createStream', request, options, ResponseStream);
        }
        return byModel('responses.create')(request, options);
      },
      retrieve: byId('responses.retrieve', 'response_id', 'responseId'),
      cancel: byId('responses.cancel', 'response_id', 'responseId'),
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function requireObject(request: unknown, method: string): object {
  if (!isRecord(request)) {
    throw new ConfigurationError(`${method}(request): request must be an object`);
  }
  return request;
}

function requireFile(request: object, method: string): object {
  const file = (request as { file?: unknown }).file;
  const accepted =
    file instanceof Blob || file instanceof ArrayBuffer || ArrayBuffer.isView(file) || file instanceof ReadableStream;
  if (!accepted) {
    throw new ConfigurationError(
      `${method}(request): request.file must be bytes (Uint8Array, ArrayBuffer), a Blob or a ReadableStream`,
    );
  }
  return request;
}
