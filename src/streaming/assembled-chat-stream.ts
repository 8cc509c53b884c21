import type { Annotation, Usage } from '../../generated/types/index.js';

/** One tool call of a streamed message, its argument fragments joined. */
export interface AssembledToolCall {
  readonly index: number;
  readonly id?: string;
  readonly type?: string;
  readonly function: { readonly name?: string; readonly arguments: string };
}

/** One choice of a streamed completion, its deltas joined. */
export interface AssembledChoice {
  readonly index: number;
  readonly role?: string;
  readonly content?: string;
  readonly reasoning_content?: string;
  readonly refusal?: string;
  /** In `index` order. */
  readonly tool_calls: readonly AssembledToolCall[];
  /** Every chunk's annotations, in arrival order. */
  readonly annotations?: readonly Annotation[];
  readonly finish_reason: string | null;
  readonly native_finish_reason?: string;
}

/**
 * A whole chat stream as plain JSON data: what the cache stores for a stream, what it replays as
 * chunks, and what hooks see as the outcome of a stream.
 */
export interface AssembledChatStream {
  readonly id?: string;
  readonly created?: number;
  readonly model?: string;
  readonly system_fingerprint?: string;
  readonly service_tier?: string;
  /** In `index` order. */
  readonly choices: readonly AssembledChoice[];
  /** The last usage any chunk reported. */
  readonly usage?: Usage;
}
