import type { AssistantMessage, ChatMessage, ContentPart, TextContentPart, ToolCall } from '../../src/index.js';
import type { AnthropicRedactedThinkingBlock, AnthropicThinkingBlock } from '../../src/dialects/anthropic/anthropic-wire-types.js';
import { convertAnthropicUserBlock } from './convert-anthropic-user-block.js';
import { invalid, readRequestField } from './read-request-field.js';

export interface RequestMessagesOptions {
  /** Carry `cache_control` and thinking blocks (signatures included) for the SDK's Anthropic dialect. */
  readonly anthropicUpstream: boolean;
}

/**
 * Anthropic `messages` as OpenAI chat messages, in order. A user turn becomes `tool` messages for
 * its `tool_result` blocks and a user message for the rest, each run where it stands (text beside
 * tool results is kept, before or after them); images or documents inside a tool result, which an
 * OpenAI tool message cannot hold, follow the tool messages in a user message. An assistant turn
 * becomes one assistant message: text as content, `tool_use` blocks as `tool_calls`, thinking
 * blocks as the `thinking_blocks` the SDK's Anthropic dialect sends back (only for an Anthropic
 * upstream; other providers take no reasoning input, so they are left out there).
 */
export function convertAnthropicRequestMessages(value: unknown, options: RequestMessagesOptions): ChatMessage[] {
  const messages = readRequestField.array(value, 'messages');
  if (messages.length === 0) throw invalid('messages', 'must contain at least one message');
  const converted: ChatMessage[] = [];
  messages.forEach((item, index) => {
    const field = `messages[${index}]`;
    const message = readRequestField.record(item, field);
    const last = index === messages.length - 1;
    if (message.role === 'user') converted.push(...convertUserTurn(message.content, `${field}.content`, options));
    else if (message.role === 'assistant') converted.push(convertAssistantTurn(message.content, `${field}.content`, last, options));
    else throw invalid(`${field}.role`, `must be "user" or "assistant", not ${JSON.stringify(message.role)}`);
  });
  return converted;
}

function readBlocks(content: unknown, field: string, mayBeEmpty: boolean): Array<Record<string, unknown>> | string {
  if (typeof content === 'string') {
    if (content === '' && !mayBeEmpty) throw invalid(field, 'must not be empty');
    return content;
  }
  const blocks = readRequestField.array(content, field);
  if (blocks.length === 0 && !mayBeEmpty) throw invalid(field, 'must not be empty');
  return blocks.map((block, index) => {
    const record = readRequestField.record(block, `${field}[${index}]`);
    if (typeof record.type !== 'string') throw invalid(`${field}[${index}].type`, 'must be a string');
    return record;
  });
}

function convertUserTurn(content: unknown, field: string, options: RequestMessagesOptions): ChatMessage[] {
  const blocks = readBlocks(content, field, false);
  if (typeof blocks === 'string') return [{ role: 'user', content: blocks }];
  const out: ChatMessage[] = [];
  let parts: ContentPart[] = [];
  const flush = (): void => {
    if (parts.length > 0) out.push({ role: 'user', content: parts });
    parts = [];
  };
  let inToolResults = false;
  blocks.forEach((block, index) => {
    const blockField = `${field}[${index}]`;
    if (block.type === 'tool_result') {
      // Parts before a run of results go first; attachments of the results wait for the run to end.
      if (!inToolResults) flush();
      inToolResults = true;
      const result = convertToolResult(block, blockField, options);
      out.push(result.message);
      parts.push(...result.attachments);
      return;
    }
    if (isAssistantOnly(block.type)) throw invalid(`${blockField}.type`, `a ${JSON.stringify(block.type)} block belongs in an assistant turn`);
    inToolResults = false;
    parts.push(convertAnthropicUserBlock(block, blockField, options.anthropicUpstream));
  });
  flush();
  return out;
}

function convertToolResult(
  block: Record<string, unknown>,
  field: string,
  options: RequestMessagesOptions,
): { message: ChatMessage; attachments: ContentPart[] } {
  const toolCallId = readRequestField.nonEmptyString(block.tool_use_id, `${field}.tool_use_id`);
  const isError = block.is_error === undefined || block.is_error === null ? false : readRequestField.boolean(block.is_error, `${field}.is_error`);
  const content = block.content;
  const texts: TextContentPart[] = [];
  const attachments: ContentPart[] = [];
  if (typeof content === 'string') {
    if (content !== '') texts.push({ type: 'text', text: content });
  } else if (content !== undefined && content !== null) {
    readRequestField.array(content, `${field}.content`).forEach((item, index) => {
      const itemField = `${field}.content[${index}]`;
      const part = convertAnthropicUserBlock(readRequestField.record(item, itemField), itemField, options.anthropicUpstream);
      if (part.type === 'text') texts.push({ type: 'text', text: part.text });
      else attachments.push(part);
    });
  }
  // OpenAI tool messages have no error flag: the model reads that the tool failed from the text.
  if (isError) texts.unshift({ type: 'text', text: 'Error:' });
  const text: string | TextContentPart[] = texts.length === 1 && texts[0] !== undefined ? texts[0].text : texts.length === 0 ? '' : texts;
  return { message: { role: 'tool', tool_call_id: toolCallId, content: text }, attachments };
}

function isAssistantOnly(type: unknown): boolean {
  return type === 'tool_use' || type === 'thinking' || type === 'redacted_thinking';
}

function convertAssistantTurn(content: unknown, field: string, last: boolean, options: RequestMessagesOptions): ChatMessage {
  // Only the final assistant turn (a prefill) may be empty, as Anthropic documents.
  const blocks = readBlocks(content, field, last);
  if (typeof blocks === 'string') return { role: 'assistant', content: blocks };
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  const thinking: Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock> = [];
  blocks.forEach((block, index) => {
    const blockField = `${field}[${index}]`;
    switch (block.type) {
      case 'text':
        texts.push(readRequestField.string(block.text, `${blockField}.text`));
        return;
      case 'tool_use': {
        const input = block.input === undefined ? {} : readRequestField.record(block.input, `${blockField}.input`);
        toolCalls.push({
          id: readRequestField.nonEmptyString(block.id, `${blockField}.id`),
          type: 'function',
          function: { name: readRequestField.nonEmptyString(block.name, `${blockField}.name`), arguments: JSON.stringify(input) },
        });
        return;
      }
      case 'thinking': {
        const text = readRequestField.string(block.thinking, `${blockField}.thinking`);
        const signature = readRequestField.string(block.signature, `${blockField}.signature`);
        // An empty signature is the gateway's own (reasoning from another provider, or a stream, whose
        // chunks carry no signature): Anthropic would refuse it, so only signed blocks go back.
        if (signature !== '') thinking.push({ type: 'thinking', thinking: text, signature });
        return;
      }
      case 'redacted_thinking':
        thinking.push({ type: 'redacted_thinking', data: readRequestField.string(block.data, `${blockField}.data`) });
        return;
      case 'tool_result':
      case 'image':
      case 'document':
        throw invalid(`${blockField}.type`, `a ${JSON.stringify(block.type)} block belongs in a user turn`);
      default:
        throw invalid(`${blockField}.type`, `unknown block type ${JSON.stringify(block.type)}`);
    }
  });
  const message: AssistantMessage = {
    role: 'assistant',
    content: texts.length === 0 ? (toolCalls.length > 0 ? null : '') : texts.length === 1 ? (texts[0] as string) : texts.map((text) => ({ type: 'text', text })),
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (options.anthropicUpstream && thinking.length > 0) (message as AssistantMessage & { thinking_blocks?: unknown }).thinking_blocks = thinking;
  return message;
}
