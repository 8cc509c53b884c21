export type OpenAiFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/**
 * A Converse `stopReason` as OpenAI's `finish_reason`. Unknown future reasons read as `stop`; the
 * raw value always travels in `native_finish_reason`.
 */
export function mapBedrockStopReason(stopReason: string | undefined): OpenAiFinishReason {
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content_filter';
    default:
      // end_turn, stop_sequence, and anything new.
      return 'stop';
  }
}
