import type { Middleware } from '../middleware/compose.js';
import type { MiddlewareOptions } from '../middleware/middleware-layers.js';
import type { ProviderOverride } from '../routing/resolved-provider.js';

/** Options of `createClient`. Every provider is resolved from them once, at construction. */
export interface ClientOptions extends MiddlewareOptions {
  /**
   * With `baseURL`: the gateway's key. Otherwise the key for any provider that has none of its
   * own (`providers[id].apiKey`, `apiKeys[id]`, or its environment variable, in that order).
   */
  apiKey?: string;
  /** Keys per provider id. */
  apiKeys?: Readonly<Record<string, string>>;
  /**
   * An OpenAI-compatible gateway (LiteLLM proxy, OpenRouter-style routers, a mock): every call goes
   * there in OpenAI's format with the model string unchanged.
   */
  baseURL?: string;
  /** Per-provider overrides; the provider keeps its dialect and quirks. */
  providers?: Readonly<Record<string, ProviderOverride>>;
  /** Providers registered at run time, in the registry's JSON shape and validated the same way. */
  customProviders?: readonly unknown[];
  /** Provider id for bare model names that no registry prefix claims. */
  modelHint?: string;
  /**
   * One deadline for a call across its retries, fallbacks and router deployments (a stream's until
   * it is open), and the idle limit between stream chunks. Default 60000.
   */
  timeoutMs?: number;
  /** Retries on connection errors, 408, 409, 429 and 5xx, per route; at most 10. Default 2. */
  maxRetries?: number;
  /**
   * Upstream HTTP requests one call may send, across retries, fallbacks and router deployments
   * together; once spent, the last error goes back. A positive integer. Default 10.
   */
  maxAttempts?: number;
  /**
   * Largest response body read whole (JSON and text answers), in bytes. A body past it is cut as
   * soon as the bound is crossed and the call fails with a non-retryable `InvalidResponseError`.
   * Streams and binary bodies are read as they arrive and are not bounded by it. Default 67108864 (64 MiB).
   */
  maxResponseBytes?: number;
  /** Headers sent on every request. */
  headers?: Readonly<Record<string, string>>;
  /** A fetch implementation (tests, proxies, edge runtimes). Default: the global fetch. */
  fetch?: typeof fetch;
  /** Extra middleware; the first is the outermost. */
  middleware?: readonly Middleware[];
}

/** Options of one call; they override the client's. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** At most 10. */
  maxRetries?: number;
  /** Overrides the client's `maxAttempts` for this call. */
  maxAttempts?: number;
  /** Overrides the client's `maxResponseBytes` for this call. */
  maxResponseBytes?: number;
  /**
   * A stream's total deadline, from the call's start to its last chunk (`chatStream`,
   * `responses.createStream`): past it the request is cancelled and the stream throws `TimeoutError`.
   * Keep-alive comments do not extend it. Default: none (only `timeoutMs` between chunks).
   */
  streamTimeoutMs?: number;
  headers?: Readonly<Record<string, string>>;
  /** `false` bypasses a configured cache for this call. */
  cache?: boolean;
  /** Labels of this call (a user or tenant id, a feature), for budgets, limits and spans. */
  tags?: readonly string[];
}
