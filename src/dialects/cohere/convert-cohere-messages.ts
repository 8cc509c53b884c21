import type { ChatMessage, ContentPart, TextContentPart } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { CohereMessage, CohereTextPart, CohereToolCall, CohereUserPart } from './cohere-wire-types.js';

export interface ConvertedCohereMessages {
  readonly messages: CohereMessage[];
  readonly warnings: string[];
}

/**
 * OpenAI messages as Cohere v2 messages. The roles line up one to one (developer becomes system);
 * what differs is the assistant turn: Cohere calls the text that comes with tool calls its
 * `tool_plan`, so that is where an assistant's text (or the `reasoning_content` this dialect
 * returned for the plan) goes when the turn has tool calls.
 */
export function convertCohereMessages(messages: readonly ChatMessage[], providerId: string): ConvertedCohereMessages {
  const warnings: string[] = [];
  const converted = messages.map((message, index): CohereMessage => {
    const where = `messages[${index}]`;
    if ('name' in message && message.name !== undefined) {
      warnings.push(`dropped "${where}.name": Cohere messages have no participant name`);
    }
    switch (message.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: convertTextContent(message.content) };
      case 'user':
        return { role: 'user', content: convertUserContent(message.content, where, providerId) };
      case 'assistant': {
        const text = joinText(message.content);
        const reasoning = (message as { reasoning_content?: unknown }).reasoning_content;
        const toolCalls = (message.tool_calls ?? []).map(
          (call): CohereToolCall => ({
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: call.function.arguments },
          }),
        );
        if (message.function_call) {
          throw new BadRequestError(`${providerId}: ${where}.function_call is the legacy form; send tool_calls instead`, {
            provider: providerId,
          });
        }
        if (toolCalls.length === 0) return { role: 'assistant', content: text ?? '' };
        const hasReasoning = typeof reasoning === 'string' && reasoning !== '';
        const plan = hasReasoning ? reasoning : text;
        const turn: CohereMessage = { role: 'assistant', tool_calls: toolCalls };
        if (plan !== undefined && plan !== '') turn.tool_plan = plan;
        // With the plan taken from reasoning_content, the text is an answer of its own.
        if (hasReasoning && text !== undefined && text !== '') turn.content = text;
        return turn;
      }
      case 'tool':
        return { role: 'tool', tool_call_id: message.tool_call_id, content: convertTextContent(message.content) };
      case 'function':
        throw new BadRequestError(
          `${providerId}: ${where} has the legacy role "function"; send a "tool" message with tool_call_id instead`,
          { provider: providerId },
        );
      default: {
        const unknown: never = message;
        throw new BadRequestError(`${providerId}: ${where} has an unknown role ${JSON.stringify((unknown as { role?: unknown }).role)}`, {
          provider: providerId,
        });
      }
    }
  });
  return { messages: converted, warnings };
}

function convertTextContent(content: string | TextContentPart[]): string | CohereTextPart[] {
  if (typeof content === 'string') return content;
  return content.map((part) => ({ type: 'text', text: part.text }));
}

function joinText(content: string | ReadonlyArray<{ type: string; text?: string; refusal?: string }> | null | undefined): string | undefined {
  if (content === null || content === undefined) return undefined;
  if (typeof content === 'string') return content;
  return content.map((part) => part.text ?? part.refusal ?? '').join('');
}

function convertUserContent(content: string | ContentPart[], where: string, providerId: string): string | CohereUserPart[] {
  if (typeof content === 'string') return content;
  return content.map((part, index): CohereUserPart => {
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'image_url':
        // Cohere takes https and data: URLs as OpenAI does; only vision models accept them.
        return {
          type: 'image_url',
          image_url: part.image_url.detail === undefined ? { url: part.image_url.url } : { url: part.image_url.url, detail: part.image_url.detail },
        };
      case 'input_audio':
        throw new BadRequestError(`${providerId}: ${where}.content[${index}]: Cohere chat does not accept audio input`, {
          provider: providerId,
        });
      case 'file':
        throw new BadRequestError(
          `${providerId}: ${where}.content[${index}]: Cohere chat does not accept file parts; pass the text as documents in extra_body.documents`,
          { provider: providerId },
        );
      default: {
        const unknown: never = part;
        throw new BadRequestError(
          `${providerId}: ${where}.content[${index}] has an unknown type ${JSON.stringify((unknown as { type?: unknown }).type)}`,
          { provider: providerId },
        );
      }
    }
  });
}
