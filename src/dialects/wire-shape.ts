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
  /**
   * `startedAt`: when the call started, for time-to-first-chunk. `send`: sends a follow-up request
   * of the same call (an API that uploads, then creates a job, then polls it: AssemblyAI), with the
   * provider's URL and credentials and the call's deadline, signal and attempt budget (the core always
   * passes it; a shape that wraps another passes it on).
   */
  readResponse(sent: SendResult, context: CallContext, startedAt: number, send?: FollowUpSender): unknown;
}

/** Sends one more wire request of the call being read. */
export type FollowUpSender = (wire: WireRequest) => Promise<SendResult>;

/**
 * A dialect's shapes of the operations beyond chat, embeddings and model lists (images, files,
 * rerank, search, ...): the shape for this provider, or undefined when the wire format has none.
 * May throw `EndpointNotSupportedError` with a reason of its own.
 */
export type WireShapeResolver = (operation: Operation, provider: ResolvedProvider) => WireShape | undefined;
