import type {
  AnthropicRedactedThinkingBlock,
  AnthropicTextBlock,
  AnthropicThinkingBlock,
  AnthropicToolUseBlock,
} from '../../src/dialects/anthropic/anthropic-wire-types.js';

/** Token counts as Anthropic reports them: `input_tokens` excludes the cached input counted apart. */
export interface AnthropicMessageUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export type AnthropicResponseBlock = AnthropicThinkingBlock | AnthropicRedactedThinkingBlock | AnthropicTextBlock | AnthropicToolUseBlock;

/** The `message` object of `POST /v1/messages` (and, with empty content, of `message_start`). */
export interface AnthropicMessageObject {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: AnthropicResponseBlock[];
  stop_reason: string | null;
  stop_sequence: string | null;
  usage: AnthropicMessageUsage;
}
