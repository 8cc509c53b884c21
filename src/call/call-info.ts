import type { Usage } from '../../generated/types/index.js';

/** What happened during one call or stream. */
export interface CallInfo {
  /** The method called: `chat`, `chatStream`, `embed`, `listModels`, `speech`, `files.create`, ... (see `Operation`). */
  readonly operation: string;
  /** The registry provider that served the call, or `gateway` for a client-level `baseURL`. */
  readonly provider: string;
  /** The model id sent to the provider (without the routing prefix). */
  readonly model: string;
  /** HTTP attempts, retries included. */
  readonly attempts: number;
  /** Models tried before the one that served the call, in order. */
  readonly fallbacks: readonly string[];
  readonly cache: 'hit' | 'miss' | 'bypass';
  readonly usage: Usage | undefined;
  readonly costUsd: number | undefined;
  /** From the call until the result (for streams: until the stream ended). */
  readonly latencyMs: number;
  /** Time to the first chunk, for streams. */
  readonly firstChunkMs: number | undefined;
  /** Request parameters changed on the way out (dropped or renamed by registry quirks). */
  readonly warnings: readonly string[];
  /** False while a stream is still being consumed. */
  readonly complete: boolean;
}

/** The mutable record the pipeline fills in; callers only ever see it as `CallInfo`. */
export type CallInfoRecord = { -readonly [K in keyof CallInfo]: CallInfo[K] } & { warnings: string[]; fallbacks: string[] };

const CALL_INFO = Symbol.for('liter-llm.call-info');

export function createCallInfoRecord(operation: string, provider: string, model: string): CallInfoRecord {
  return {
    operation,
    provider,
    model,
    attempts: 0,
    fallbacks: [],
    cache: 'bypass',
    usage: undefined,
    costUsd: undefined,
    latencyMs: 0,
    firstChunkMs: undefined,
    warnings: [],
    complete: false,
  };
}

/** Attaches the record without making it part of the result's data (not enumerable, not in JSON). */
export function attachCallInfo<T extends object>(result: T, info: CallInfoRecord): T {
  Object.defineProperty(result, CALL_INFO, { value: info, enumerable: false, configurable: true });
  return result;
}

/**
 * The record of the call that produced `result` (a response, or a stream: complete once the stream
 * has ended). Throws a TypeError for values that did not come from a liter-llm call.
 */
export function callInfo(result: object): CallInfo {
  const info = (result as Record<symbol, unknown>)[CALL_INFO];
  if (info === undefined) throw new TypeError('callInfo() expects a result or stream returned by a liter-llm client');
  return info as CallInfo;
}
