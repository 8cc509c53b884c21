import type { CallInfo } from '../../call/call-info.js';
import type { Operation } from '../../call/operation.js';

/** A request as hooks see it: the OpenAI-shaped request object of the call (plain data). */
export type HookRequest = Readonly<Record<string, unknown>>;

/** Where a call goes or went: the registry provider id and the model id sent on the wire. */
export interface HookRoute {
  readonly provider: string;
  readonly model: string;
}

interface HookEventBase {
  /** The client method: `chat`, `chatStream`, `embed`, `responses.createStream`, ... */
  readonly operation: Operation;
  /** The request as sent: after every `onRequest` rewrite. */
  readonly request: HookRequest;
  /** The call's tags (per-call option), for per-user or per-feature hooks. */
  readonly tags: readonly string[];
  /** A snapshot of the call's record so far (`callInfo`); `latencyMs` is measured up to the event. */
  readonly info: CallInfo;
}

/** Before the call: `route` is where it will be sent. */
export interface HookRequestEvent extends HookEventBase {
  readonly route: HookRoute;
}

/** After a success: `route` is what served it (after fallbacks, or the stored call on a cache hit). */
export interface HookResponseEvent extends HookEventBase {
  readonly route: HookRoute;
  /**
   * The result the caller gets (the same object: do not change it). For `chatStream`, the stream
   * assembled into the response `chat` would have returned; for `responses.createStream`, the last
   * `response` an event carried.
   */
  readonly response: unknown;
  /** False when the consumer stopped a stream early (`break`): `response` is what was delivered. */
  readonly complete: boolean;
}

/** After a failure, including an error raised in the middle of a stream. */
export interface HookErrorEvent extends HookEventBase {
  readonly route: HookRoute;
  readonly error: unknown;
}

/**
 * Lifecycle hooks of every call, each run exactly once per call (streams included); any may be
 * async, and the call waits for it. `onRequest` may return a changed request, which is the one
 * sent (a changed `model` is routed again), or throw to reject the call with `HookRejectedError`
 * (its `cause` is what was thrown) before anything is sent. What `onResponse` and `onError` throw
 * never changes the call's outcome.
 */
export interface Hook {
  onRequest?(event: HookRequestEvent): HookRequest | undefined | void | Promise<HookRequest | undefined | void>;
  onResponse?(event: HookResponseEvent): void | Promise<void>;
  onError?(event: HookErrorEvent): void | Promise<void>;
}
