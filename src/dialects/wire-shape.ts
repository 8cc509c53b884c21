import type { CallContext } from '../call/call-context.js';
import type { Operation } from '../call/operation.js';
import type { ResolvedProvider } from '../routing/resolved-provider.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import type { SendResult } from '../transport/send-with-retry.js';
import type { WireRequest } from './dialect.js';

/**
 * One operation in one wire format, as two small functions: the OpenAI-shaped request to a wire
 * request, and the sent response to the OpenAI-shaped result (validated with the generated
 * validator; a stream or binary body is returned unread).
 */
export interface WireShape<Request = unknown> {
  buildRequest(request: Request, route: ResolvedRoute): WireRequest;
  /** `startedAt`: when the call started, for time-to-first-chunk. */
  readResponse(sent: SendResult, context: CallContext, startedAt: number): unknown;
}

/**
 * A dialect's shapes of the operations beyond chat, embeddings and model lists (images, files,
 * rerank, search, ...): the shape for this provider, or undefined when the wire format has none.
 * May throw `EndpointNotSupportedError` with a reason of its own.
 */
export type WireShapeResolver = (operation: Operation, provider: ResolvedProvider) => WireShape | undefined;
