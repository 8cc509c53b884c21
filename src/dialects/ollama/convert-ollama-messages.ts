import type { ChatMessage, ContentPart } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { dataUrlToBase64, parseDataUrl } from '../shared/parse-data-url.js';
import { parseToolArguments } from '../shared/parse-tool-arguments.js';
import type { OllamaMessage } from './ollama-wire-types.js';

export interface ConvertedOllamaMessages {
  readonly messages: OllamaMessage[];
  readonly warnings: string[];
}

/**
 * OpenAI messages as Ollama's: text parts joined into `content`, images (as `data:` URLs; Ollama
 * fetches nothing) as base64 `images`, tool-call arguments as objects, and a tool result named
 * by the tool it answers (`tool_name`, found from the assistant turn that called it).
 */
export function convertOllamaMessages(messages: readonly ChatMessage[], provider: string): ConvertedOllamaMessages {
  const warnings: string[] = [];
  const toolNames = new Map<string, string>();
  const converted = messages.map((message, index): OllamaMessage => {
    const where = `messages[${index}]`;
    if ('name' in message && message.name !== undefined) warnings.push(`dropped "${where}.name": Ollama messages have no participant name`);
    switch (message.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: joinText(message.content) };
      case 'user': {
        if (typeof message.content === 'string') return { role: 'user', content: message.content };
        const images = message.content.flatMap((part, partIndex) => convertImage(part, `${where}.content[${partIndex}]`, provider));
        const text = joinText(message.content.filter((part) => part.type === 'text'));
        return images.length === 0 ? { role: 'user', content: text } : { role: 'user', content: text, images };
      }
      case 'assistant': {
        if (message.function_call) throw badRequest(provider, `${where}.function_call is the legacy form; send tool_calls instead`);
        const toolCalls = (message.tool_calls ?? []).map((call, callIndex) => {
          toolNames.set(call.id, call.function.name);
          const field = `${where}.tool_calls[${callIndex}].function.arguments`;
          const args = parseToolArguments(call.function.arguments, () => badRequest(provider, `${field} is not JSON; Ollama takes the arguments as an object`));
          return { function: { name: call.function.name, arguments: args } };
        });
        const content = message.content === null || message.content === undefined ? '' : joinText(message.content);
        return toolCalls.length === 0 ? { role: 'assistant', content } : { role: 'assistant', content, tool_calls: toolCalls };
      }
      case 'tool': {
        const name = toolNames.get(message.tool_call_id);
        const content = joinText(message.content);
        return name === undefined ? { role: 'tool', content } : { role: 'tool', content, tool_name: name };
      }
      case 'function':
        throw badRequest(provider, `${where} has the legacy role "function"; send a "tool" message with tool_call_id instead`);
      default: {
        const unknown: never = message;
        throw badRequest(provider, `${where} has an unknown role ${JSON.stringify((unknown as { role?: unknown }).role)}`);
      }
    }
  });
  return { messages: converted, warnings };
}

function joinText(content: string | ReadonlyArray<{ readonly type: string; readonly text?: string; readonly refusal?: string }>): string {
  if (typeof content === 'string') return content;
  return content.map((part) => part.text ?? part.refusal ?? '').join('\n');
}

/** An image part as base64; other non-text parts have no Ollama form and are refused. */
function convertImage(part: ContentPart, where: string, provider: string): string[] {
  if (part.type === 'text') return [];
  if (part.type !== 'image_url') throw badRequest(provider, `${where} has type "${part.type}"; Ollama takes text and images only`);
  const dataUrl = parseDataUrl(part.image_url.url);
  if (dataUrl === undefined) throw badRequest(provider, `${where}.image_url.url must be a data: URL; Ollama takes images inline, as base64`);
  return [dataUrlToBase64(dataUrl)];
}

function badRequest(provider: string, message: string): BadRequestError {
  return new BadRequestError(`${provider}: ${message}`, { provider });
}
