import { InvalidResponseError, type ChatCompletionMessage, type ChatCompletionResponse } from '../../src/index.js';
import type { AnthropicRedactedThinkingBlock, AnthropicThinkingBlock, AnthropicToolUseBlock } from '../../src/dialects/anthropic/anthropic-wire-types.js';
import { isRecord } from '../../src/dialects/shared/is-record.js';
import { parseToolArguments } from '../../src/dialects/shared/parse-tool-arguments.js';
import type { AnthropicMessageObject, AnthropicResponseBlock } from './anthropic-message-object.js';
import { convertUsageToAnthropic } from './convert-usage-to-anthropic.js';
import { createAnthropicMessageId } from './create-anthropic-message-id.js';
import { mapFinishReasonToAnthropic } from './map-finish-reason-to-anthropic.js';
import { readReasoningText } from './read-reasoning-text.js';

/**
 * The SDK's chat completion as Anthropic's `message` object, answering a `POST /v1/messages`:
 * content blocks in Anthropic's order (thinking, text, tool_use), `model` the name the client
 * asked for, the stop reason and usage mapped back. Thinking comes from the SDK's `thinking_blocks`
 * when the upstream was Anthropic (signatures and redacted blocks intact), else from the reasoning
 * text with an empty signature. Tool arguments that are not a JSON object make the answer an
 * `InvalidResponseError` (Anthropic's `input` is an object, and replacing it would hand the client
 * a call the model did not make). The matched stop sequence is unknown to the SDK: `stop_sequence`
 * is always null.
 */
export function convertChatResponseToAnthropic(response: ChatCompletionResponse, model: string): AnthropicMessageObject {
  const choice = response.choices.find((candidate) => (candidate.index ?? 0) === 0) ?? response.choices[0];
  if (choice === undefined) throw new InvalidResponseError('the upstream chat response has no choices', { model });
  const message = choice.message;
  const content: AnthropicResponseBlock[] = [...convertThinking(message)];
  const refusal = typeof message.refusal === 'string' && message.refusal !== '' ? message.refusal : undefined;
  if (typeof message.content === 'string' && message.content !== '') content.push({ type: 'text', text: message.content });
  else if (refusal !== undefined) content.push({ type: 'text', text: refusal });
  const toolUses = convertToolCalls(message, model, response);
  content.push(...toolUses);
  return {
    id: createAnthropicMessageId(response.id),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: mapFinishReasonToAnthropic({
      finishReason: choice.finish_reason,
      nativeFinishReason: choice.native_finish_reason,
      toolUse: toolUses.length > 0,
      refusal: refusal !== undefined,
    }),
    stop_sequence: null,
    usage: convertUsageToAnthropic(response.usage),
  };
}

function convertThinking(message: ChatCompletionMessage): Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock> {
  const blocks = (message as { thinking_blocks?: unknown }).thinking_blocks;
  if (Array.isArray(blocks) && blocks.length > 0) {
    return blocks.flatMap((block: unknown): Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock> => {
      if (!isRecord(block)) return [];
      if (block.type === 'thinking' && typeof block.thinking === 'string') {
        return [{ type: 'thinking', thinking: block.thinking, signature: typeof block.signature === 'string' ? block.signature : '' }];
      }
      if (block.type === 'redacted_thinking' && typeof block.data === 'string') return [{ type: 'redacted_thinking', data: block.data }];
      return [];
    });
  }
  const reasoning = readReasoningText(message);
  return reasoning === undefined || reasoning === '' ? [] : [{ type: 'thinking', thinking: reasoning, signature: '' }];
}

function convertToolCalls(message: ChatCompletionMessage, model: string, response: ChatCompletionResponse): AnthropicToolUseBlock[] {
  return (message.tool_calls ?? []).map((call, index) => {
    const field = `choices[0].message.tool_calls[${index}].function.arguments`;
    const invalidArguments = () =>
      new InvalidResponseError(`the upstream answer's ${field} is not a JSON object, which Anthropic's tool_use input must be`, { model });
    const input = parseToolArguments(call.function?.arguments, invalidArguments);
    if (!isRecord(input)) throw invalidArguments();
    return { type: 'tool_use', id: call.id || `toolu_${index}`, name: call.function?.name ?? '', input };
  });
}
