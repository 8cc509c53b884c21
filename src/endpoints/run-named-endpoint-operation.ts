import type { Sender } from '../transport/create-sender.js';
import { EndpointNotSupportedError } from '../errors/error-classes.js';
import type { CallContext } from '../call/call-context.js';
import { ENDPOINT_OPERATIONS } from './endpoint-operations.js';
import { runEndpointOperation } from './run-endpoint-operation.js';

/**
 * Runs the endpoint operation called `context.operation` (images, audio, files, batches, ...). The
 * core loads this module on the first such call, so a chat-only app never loads the descriptors.
 */
export function runNamedEndpointOperation(context: CallContext, send: Sender): Promise<unknown> {
  const operation = context.operation;
  if (!Object.hasOwn(ENDPOINT_OPERATIONS, operation)) {
    return Promise.reject(new EndpointNotSupportedError(`unknown operation ${String(operation)}`));
  }
  return runEndpointOperation(ENDPOINT_OPERATIONS[operation as keyof typeof ENDPOINT_OPERATIONS], context, send);
}
