import { mapAnthropicStopReason } from '../../src/dialects/anthropic/map-anthropic-stop-reason.js';

/** Every `stop_reason` Anthropic documents. */
const ANTHROPIC_STOP_REASONS = new Set(['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal', 'model_context_window_exceeded']);

export interface FinishState {
  readonly finishReason: string | null | undefined;
  /** The provider's own reason: Anthropic's (and Bedrock's, which shares its names) survives as it was. */
  readonly nativeFinishReason: string | null | undefined;
  /** The answer holds tool calls: the client must run them whatever the provider called the stop. */
  readonly toolUse: boolean;
  /** The answer is a refusal (OpenAI's `refusal`). */
  readonly refusal: boolean;
}

/**
 * OpenAI's `finish_reason` as Anthropic's `stop_reason`: length -> max_tokens, tool_calls (and
 * legacy function_call) -> tool_use, content_filter -> refusal, stop -> end_turn. A native reason
 * that is an Anthropic stop reason and maps to the same finish reason through the SDK's
 * `mapAnthropicStopReason` is kept as it was (stop_sequence, pause_turn,
 * model_context_window_exceeded), so an Anthropic upstream's answer keeps its exact reason.
 */
export function mapFinishReasonToAnthropic(state: FinishState): string {
  const native = state.nativeFinishReason;
  const finish = state.finishReason ?? null;
  if (typeof native === 'string' && ANTHROPIC_STOP_REASONS.has(native) && mapAnthropicStopReason(native) === (finish ?? 'stop')) return native;
  switch (finish) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      if (state.toolUse) return 'tool_use';
      return state.refusal ? 'refusal' : 'end_turn';
  }
}
