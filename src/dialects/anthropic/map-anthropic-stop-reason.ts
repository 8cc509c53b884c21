import type { FinishReason } from '../../../generated/types/index.js';

/**
 * Anthropic's `stop_reason` as OpenAI's `finish_reason` (the raw value travels on as
 * `native_finish_reason`). `pause_turn` (a server tool paused a long turn) ends this response
 * normally: the caller continues by sending the reply back. Unknown future reasons read as `stop`.
 */
export function mapAnthropicStopReason(stopReason: string | null | undefined): FinishReason | null {
  switch (stopReason) {
    case null:
    case undefined:
      return null;
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'stop';
  }
}
