import type { AssistantMessage, ChatMessage, ContentPart, TextContentPart } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type {
  AnthropicContentBlock,
  AnthropicMessage,
  AnthropicRedactedThinkingBlock,
  AnthropicTextBlock,
  AnthropicThinkingBlock,
  AnthropicToolResultBlock,
} from './anthropic-wire-types.js';
import { convertAnthropicContentPart, readCacheControl } from './convert-anthropic-content-part.js';
import type { ConversionNotes } from './conversion-notes.js';
import { parseToolArguments } from '../shared/parse-tool-arguments.js';

export interface AnthropicConversation {
  /** Every system and developer message, as text blocks for the top-level `system` field. */
  readonly system: AnthropicTextBlock[];
  readonly messages: AnthropicMessage[];
}

interface Turn {
  role: 'user' | 'assistant';
  content: AnthropicContentBlock[];
}

/**
 * OpenAI messages as an Anthropic conversation. System and developer messages go to the top-level
 * `system` (Anthropic has no system role); tool results become `tool_result` blocks in a user turn;
 * assistant tool calls become `tool_use` blocks; consecutive turns of the same role are merged,
 * because Anthropic requires user and assistant to alternate.
 */
export function convertAnthropicMessages(
  messages: readonly ChatMessage[],
  notes: ConversionNotes,
): AnthropicConversation {
  const system: AnthropicTextBlock[] = [];
  const turns: Turn[] = [];
  // Legacy `function_call`s carry no id; the matching `function` message finds it by name.
  const legacyCallIds = new Map<string, string>();

  messages.forEach((message, index) => {
    const field = `messages[${index}]`;
    const role = message.role;
    if ('name' in message && typeof message.name === 'string' && message.role !== 'function') {
      notes.warnings.push(`dropped "${field}.name": Anthropic messages have no participant names`);
    }
    switch (role) {
      case 'system':
      case 'developer': {
        if (turns.length > 0) {
          notes.warnings.push(`moved ${field} (${message.role}) into the top-level system prompt: Anthropic has no system turns`);
        }
        system.push(...convertTextContent(message.content as string | TextContentPart[], `${field}.content`));
        return;
      }
      case 'user': {
        const content = message.content;
        if (typeof content === 'string') pushTurn(turns, 'user', [{ type: 'text', text: content }], field, notes);
        else if (Array.isArray(content)) {
          const parts = content as ContentPart[];
          const blocks = parts.map((part, partIndex) => convertAnthropicContentPart(part, `${field}.content[${partIndex}]`, notes));
          pushTurn(turns, 'user', blocks, field, notes);
        } else throw new BadRequestError(`${field}.content must be a string or an array of content parts`);
        return;
      }
      case 'assistant':
        pushTurn(turns, 'assistant', convertAssistant(message as AssistantMessage, field, index, legacyCallIds, notes), field, notes);
        return;
      case 'tool': {
        if (message.role !== 'tool' || typeof message.tool_call_id !== 'string' || message.tool_call_id === '') {
          throw new BadRequestError(`${field}.tool_call_id is required for a tool message`);
        }
        pushTurn(turns, 'user', [toolResult(message.tool_call_id, message.content, field)], field, notes);
        return;
      }
      case 'function': {
        const name = 'name' in message && typeof message.name === 'string' ? message.name : '';
        const id = legacyCallIds.get(name);
        if (id === undefined) throw new BadRequestError(`${field}: no earlier assistant function_call named ${JSON.stringify(name)}`);
        pushTurn(turns, 'user', [toolResult(id, (message.content as string | null) ?? '', field)], field, notes);
        return;
      }
      default:
        throw new BadRequestError(`${field}.role: Anthropic cannot take a ${JSON.stringify(role)} message`);
    }
  });

  if (turns.length === 0) {
    throw new BadRequestError('messages: Anthropic needs at least one user or assistant message besides system messages');
  }
  return { system, messages: turns.map(finishTurn) };
}

function pushTurn(turns: Turn[], role: Turn['role'], content: AnthropicContentBlock[], field: string, notes: ConversionNotes): void {
  if (content.length === 0) {
    notes.warnings.push(`dropped ${field}: it has no content Anthropic can take (an empty ${role} turn is rejected)`);
    return;
  }
  const last = turns.at(-1);
  if (last !== undefined && last.role === role) last.content.push(...content);
  else turns.push({ role, content: [...content] });
}

function finishTurn(turn: Turn): AnthropicMessage {
  // Anthropic wants tool results first in a user turn; a stable sort keeps the rest in order.
  const content =
    turn.role === 'user'
      ? [...turn.content.filter((block) => block.type === 'tool_result'), ...turn.content.filter((block) => block.type !== 'tool_result')]
      : turn.content;
  const only = content[0];
  // A lone plain text block is sent as a string, the shape Anthropic's own examples use.
  if (content.length === 1 && only?.type === 'text' && only.cache_control === undefined) return { role: turn.role, content: only.text };
  return { role: turn.role, content };
}

function convertTextContent(content: string | TextContentPart[] | null | undefined, field: string): AnthropicTextBlock[] {
  if (content === null || content === undefined || content === '') return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) throw new BadRequestError(`${field} must be a string or an array of text parts`);
  return content.map((part, index) => {
    if (part?.type !== 'text' || typeof part.text !== 'string') throw new BadRequestError(`${field}[${index}] must be a text part`);
    const cacheControl = readCacheControl(part);
    return cacheControl === undefined ? { type: 'text', text: part.text } : { type: 'text', text: part.text, cache_control: cacheControl };
  });
}

function toolResult(toolUseId: string, content: string | TextContentPart[] | null, field: string): AnthropicToolResultBlock {
  const blocks = typeof content === 'string' || content === null ? content ?? '' : convertTextContent(content, `${field}.content`);
  return { type: 'tool_result', tool_use_id: toolUseId, content: blocks };
}

function convertAssistant(
  message: AssistantMessage,
  field: string,
  index: number,
  legacyCallIds: Map<string, string>,
  notes: ConversionNotes,
): AnthropicContentBlock[] {
  const blocks: AnthropicContentBlock[] = [...readThinkingBlocks(message, field)];
  const content = message.content;
  if (typeof content === 'string') {
    if (content !== '') blocks.push({ type: 'text', text: content });
  } else if (Array.isArray(content)) {
    content.forEach((part, partIndex) => {
      const text = part.type === 'refusal' ? part.refusal : part.type === 'text' ? part.text : undefined;
      if (typeof text !== 'string') throw new BadRequestError(`${field}.content[${partIndex}] must be a text or refusal part`);
      if (text !== '') blocks.push({ type: 'text', text });
    });
  }
  if (!blocks.some((block) => block.type === 'text') && typeof message.refusal === 'string' && message.refusal !== '') {
    blocks.push({ type: 'text', text: message.refusal });
  }
  (message.tool_calls ?? []).forEach((call, callIndex) => {
    const callField = `${field}.tool_calls[${callIndex}]`;
    if (call.type !== 'function') throw new BadRequestError(`${callField}.type: Anthropic takes only function tool calls`);
    blocks.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: parseArguments(call.function.arguments, `${callField}.function.arguments`),
    });
  });
  if (message.function_call) {
    const id = `call_legacy_${index}`;
    legacyCallIds.set(message.function_call.name, id);
    blocks.push({
      type: 'tool_use',
      id,
      name: message.function_call.name,
      input: parseArguments(message.function_call.arguments, `${field}.function_call.arguments`),
    });
  }
  if (message.audio) notes.warnings.push(`dropped "${field}.audio": Anthropic has no audio replies`);
  return blocks;
}

/** Tool input is a JSON object on the Anthropic wire; OpenAI carries it as a JSON string. */
function parseArguments(text: string, field: string): unknown {
  return parseToolArguments(text, () => new BadRequestError(`${field} is not valid JSON; Anthropic needs the tool input as a JSON object`));
}

/**
 * `thinking_blocks` on an assistant message (not in the OpenAI types; the same field this dialect's
 * responses carry, as LiteLLM names it) are sent back first, signatures intact: Anthropic requires
 * them before `tool_use` blocks when thinking and tools are combined.
 */
function readThinkingBlocks(message: AssistantMessage, field: string): Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock> {
  const value = (message as { thinking_blocks?: unknown }).thinking_blocks;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BadRequestError(`${field}.thinking_blocks must be an array`);
  return value.map((block: unknown, index) => {
    const record = (block ?? {}) as Record<string, unknown>;
    if (record.type === 'thinking' && typeof record.thinking === 'string' && typeof record.signature === 'string') {
      return { type: 'thinking', thinking: record.thinking, signature: record.signature };
    }
    if (record.type === 'redacted_thinking' && typeof record.data === 'string') return { type: 'redacted_thinking', data: record.data };
    throw new BadRequestError(`${field}.thinking_blocks[${index}] must be a thinking block with a signature or a redacted_thinking block`);
  });
}
