import type { ChatMessage, TextContentPart } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { parseToolArguments } from '../shared/parse-tool-arguments.js';
import type { BedrockContentBlock, BedrockMessage } from './bedrock-wire-types.js';
import type { ConversionNotes } from './conversion-notes.js';
import { convertBedrockContentPart } from './convert-bedrock-content-part.js';

export interface BedrockConversation {
  readonly system: Array<{ text: string }>;
  readonly messages: BedrockMessage[];
}

/**
 * OpenAI messages as Converse `system` blocks and `messages`. System and developer messages go to
 * `system` wherever they appear; tool results become `toolResult` blocks in a user turn; and
 * consecutive turns of one role are merged, because Converse wants user and assistant to alternate.
 */
export function convertBedrockMessages(messages: readonly ChatMessage[], notes: ConversionNotes): BedrockConversation {
  const system: Array<{ text: string }> = [];
  const turns: BedrockMessage[] = [];
  const push = (role: 'user' | 'assistant', content: BedrockContentBlock[]): void => {
    if (content.length === 0) return;
    const last = turns[turns.length - 1];
    if (last?.role === role) last.content.push(...content);
    else turns.push({ role, content });
  };

  messages.forEach((message, index) => {
    const where = `messages[${index}]`;
    if ('name' in message && message.name !== undefined && message.role !== 'function') {
      notes.warnings.push(`${where}.name is not supported by Bedrock and was dropped`);
    }
    switch (message.role) {
      case 'system':
      case 'developer': {
        const text = joinText(message.content);
        if (text !== '') system.push({ text });
        break;
      }
      case 'user': {
        const content =
          typeof message.content === 'string'
            ? textBlocks(message.content)
            : message.content.map((part, partIndex) => convertBedrockContentPart(part, `${where}.content[${partIndex}]`, notes));
        push('user', content);
        break;
      }
      case 'assistant': {
        const content: BedrockContentBlock[] = [];
        if (typeof message.content === 'string') content.push(...textBlocks(message.content));
        else for (const part of message.content ?? []) content.push(...textBlocks(part.type === 'text' ? part.text : part.refusal));
        if (typeof message.refusal === 'string' && message.content == null) content.push(...textBlocks(message.refusal));
        (message.tool_calls ?? []).forEach((call, callIndex) => {
          content.push({
            toolUse: {
              toolUseId: call.id,
              name: call.function.name,
              input: parseArguments(call.function.arguments, `${where}.tool_calls[${callIndex}].function.arguments`),
            },
          });
        });
        if (message.function_call != null) {
          throw new BadRequestError(`${where}.function_call: legacy function calls are not supported by Bedrock; use tool_calls`);
        }
        push('assistant', content);
        break;
      }
      case 'tool': {
        const text = joinText(message.content);
        push('user', [{ toolResult: { toolUseId: message.tool_call_id, content: text === '' ? [] : [{ text }] } }]);
        break;
      }
      case 'function':
        throw new BadRequestError(`${where}: legacy "function" messages are not supported by Bedrock; use tool messages`);
      default: {
        const unknown: never = message;
        throw new BadRequestError(`${where}: unknown role "${String((unknown as { role?: unknown }).role)}"`);
      }
    }
  });
  return { system, messages: turns };
}

function joinText(content: string | readonly TextContentPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('\n');
}

/** Converse rejects blank text blocks, so empty strings produce no block at all. */
function textBlocks(text: string): BedrockContentBlock[] {
  return text === '' ? [] : [{ text }];
}

/** Converse wants tool input as a JSON object, where OpenAI carries it as a JSON string. */
function parseArguments(text: string, where: string): unknown {
  return parseToolArguments(text, () => new BadRequestError(`${where}: not valid JSON, and Bedrock needs tool input as a JSON object`));
}
