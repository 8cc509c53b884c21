import { ConfigurationError } from '../errors/error-classes.js';
import type { Operation } from '../call/operation.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import { ChatStream } from '../streaming/chat-stream.js';
import { ResponseStream } from '../streaming/response-stream.js';
import type { CallOptions } from './client-options.js';
import type { ProviderCallOptions } from './client-types.js';
import type { CallRunner } from '../call/create-call-runner.js';

/** Where the methods of one client send their calls. */
export interface MethodBinding {
  /** The route of a request by its `model` (throws `ConfigurationError` for a bad model). */
  routeModel(request: object, method: string): ResolvedRoute;
  /** The route of a method whose request names no model (files, batches, stored responses). */
  routeProvider(options: ProviderCallOptions | undefined, method: string): ResolvedRoute;
}

type Method = (...args: never[]) => unknown;

/**
 * Every method of a client except `listModels` and `provider`, for one binding: the
 * multi-provider client routes by model string, a per-provider client to its provider. Each
 * method builds one call context and runs it through the pipeline; bad arguments throw a
 * `ConfigurationError` naming the field before anything is sent.
 */
export function createClientMethods(
  runner: CallRunner,
  binding: MethodBinding,
): Record<string, Method | Readonly<Record<string, Method>>> {
  const byModel =
    (operation: Operation) =>
    (request: unknown, options?: CallOptions): Promise<object> => {
      const checked = requireObject(request, operation);
      return runner.unary(runner.context(operation, checked, binding.routeModel(checked, operation), options));
    };
  const upload =
    (operation: Operation) =>
    (request: unknown, options?: CallOptions): Promise<object> => {
      const checked = requireFile(requireObject(request, operation), operation);
      return runner.unary(runner.context(operation, checked, binding.routeModel(checked, operation), options));
    };
  const byId =
    (operation: Operation, field: 'file_id' | 'batch_id' | 'response_id', argument: string) =>
    (id: unknown, options?: ProviderCallOptions): Promise<object> => {
      if (typeof id !== 'string' || id === '')
        throw new ConfigurationError(`${operation}(${argument}): ${argument} must be a non-empty string`);
      return runner.unary(
        runner.context(operation, { [field]: id }, binding.routeProvider(options, operation), options),
      );
    };
  const byProvider =
    (operation: Operation, optional: boolean) =>
    (request: unknown, options?: ProviderCallOptions): Promise<object> => {
      const checked = optional && request === undefined ? {} : requireObject(request, operation);
      return runner.unary(runner.context(operation, checked, binding.routeProvider(options, operation), options));
    };

  return {
    chat: byModel('chat'),
    chatStream(request: unknown, options?: CallOptions) {
      const checked = requireObject(request, 'chatStream');
      return runner.stream(
        runner.context('chatStream', checked, binding.routeModel(checked, 'chatStream'), options),
        ChatStream,
      );
    },
    embed: byModel('embed'),
    completion: byModel('completion'),
    imageGenerate: byModel('imageGenerate'),
    speech: byModel('speech'),
    transcribe: upload('transcribe'),
    translate: upload('translate'),
    moderate: byModel('moderate'),
    rerank: byModel('rerank'),
    search: byModel('search'),
    ocr: byModel('ocr'),
    files: Object.freeze({
      create(request: unknown, options?: ProviderCallOptions) {
        const checked = requireFile(requireObject(request, 'files.create'), 'files.create');
        return runner.unary(
          runner.context('files.create', checked, binding.routeProvider(options, 'files.create'), options),
        );
      },
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
        const checked = requireObject(request, 'responses.create');
        const route = binding.routeModel(checked, 'responses.create');
        if ((checked as { stream?: unknown }).stream === true) {
          return runner.stream(runner.context('responses.createStream', checked, route, options), ResponseStream);
        }
        return runner.unary(runner.context('responses.create', checked, route, options));
      },
      retrieve: byId('responses.retrieve', 'response_id', 'responseId'),
      cancel: byId('responses.cancel', 'response_id', 'responseId'),
    }),
  };
}

function requireObject(request: unknown, method: string): object {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
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
