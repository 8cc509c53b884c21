import type { ProviderOverride } from '../routing/resolved-provider.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import type { CallCheckpoints } from './call-checkpoints.js';
import type { CallInfoRecord } from './call-info.js';
import type { Operation } from './operation.js';

/** Per-call options after defaults are applied. */
export interface NormalizedCallOptions {
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  /**
   * When the whole call must have settled (epoch ms): `timeoutMs` after the call started. Every
   * layer that waits (store calls, retries, fallbacks, router deployments) bounds its wait by it.
   */
  readonly deadlineAt: number;
  readonly maxRetries: number;
  /** Upstream requests the whole call may send: retries, fallbacks and router deployments together. */
  readonly maxAttempts: number;
  /** Largest body read whole, in bytes. */
  readonly maxResponseBytes: number;
  /** A stream's total deadline from the call's start; undefined: none. */
  readonly streamTimeoutMs: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly cache: boolean | undefined;
  /** Labels of this call (a user or tenant id, a feature), for budgets, limits and spans. */
  readonly tags: readonly string[];
}

/** A deployment: a `provider/model` string plus, optionally, its own key, endpoint or headers. */
export interface DeploymentTarget extends ProviderOverride {
  readonly model: string;
}

/** Client services for layers that send a call somewhere else (fallback, routing across deployments). */
export interface CallServices {
  /** The route the client would take for a `provider/model` (or bare) model string. */
  resolveRoute(model: string): ResolvedRoute;
  /** A route to one deployment; resolving is not free, so layers resolve once and keep the result. */
  resolveDeployment(target: DeploymentTarget): ResolvedRoute;
}

/**
 * What every layer sees. `request` is the OpenAI-shaped request (plain data; an upload's `file`
 * is bytes, a Blob or a stream); for methods that take an id it is `{ file_id }`, `{ batch_id }`
 * or `{ response_id }`.
 */
export interface CallContext {
  readonly operation: Operation;
  readonly request: unknown;
  readonly route: ResolvedRoute;
  readonly options: NormalizedCallOptions;
  readonly info: CallInfoRecord;
  readonly services: CallServices;
  /** Work a layer asks the core to do before each send and when a stream goes idle; absent: none. */
  readonly checkpoints?: CallCheckpoints | undefined;
}

/**
 * The result of a layer: the response for unary calls; for `chatStream` and `responses.createStream`
 * an async iterable of chunks or events, returned once the stream is open (response headers
 * received), and wrapped without buffering.
 */
export type Next = (context: CallContext) => Promise<unknown>;
