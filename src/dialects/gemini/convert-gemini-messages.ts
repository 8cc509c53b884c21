import type { AssistantMessage, ChatMessage, TextContentPart } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { isRecord } from '../shared/is-record.js';
import { parseToolArguments } from '../shared/parse-tool-arguments.js';
import { convertGeminiUserPart } from './convert-gemini-user-part.js';
import { decodeThoughtSignature } from './encode-tool-call-id.js';
import type { GeminiContent, GeminiPart } from './gemini-wire-types.js';

export interface ConvertedGeminiMessages {
  readonly contents: GeminiContent[];
  readonly systemInstruction: { parts: GeminiPart[] } | undefined;
  readonly warnings: string[];
}

/**
 * Google documents this value for function calls whose signature was lost (history from another
 * model or provider); Gemini 3 rejects such a call without any signature.
 */
const SKIP_SIGNATURE = 'skip_thought_signature_validator';

/**
 * OpenAI messages as Gemini `contents` plus `systemInstruction`: system and developer messages
 * become system instruction parts, assistant turns `model` contents with `functionCall` parts,
 * and tool results `functionResponse` parts of a user turn, named after the assistant call whose
 * id they quote. Adjacent turns of one role are merged, as Gemini expects roles to alternate.
 */
export function convertGeminiMessages(messages: readonly ChatMessage[], provider: string, model: string): ConvertedGeminiMessages {
  const warnings: string[] = [];
  const systemParts: GeminiPart[] = [];
  const contents: GeminiContent[] = [];
  const callNames = new Map<string, string>();
  const needsSignature = /^gemini-3/.test(model.replace(/^.*\//, ''));
  let sawConversation = false;

  const push = (role: 'user' | 'model', parts: GeminiPart[]): void => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    if (last !== undefined && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message === null || typeof message !== 'object') throw badRequest(provider, `${path} must be an object`);
    if ('name' in message && message.name !== undefined && message.role !== 'function') {
      warnings.push(`${path}.name: Gemini has no participant names; dropped`);
    }
    switch (message.role) {
      case 'system':
      case 'developer': {
        if (sawConversation) warnings.push(`${path}: a ${message.role} message inside the conversation was moved to systemInstruction`);
        systemParts.push(...textParts(message.content, `${path}.content`, provider));
        break;
      }
      case 'user': {
        sawConversation = true;
        const content = message.content;
        if (typeof content === 'string') {
          push('user', [{ text: content }]);
          break;
        }
        if (!Array.isArray(content)) throw badRequest(provider, `${path}.content must be a string or an array of parts`);
        const parts = content.map((part, partIndex) => {
          const converted = convertGeminiUserPart(part, `${path}.content[${partIndex}]`, provider);
          if (converted.warning !== undefined) warnings.push(converted.warning);
          return converted.part;
        });
        push('user', parts);
        break;
      }
      case 'assistant': {
        sawConversation = true;
        const parts = convertAssistant(message, path, provider, callNames, warnings);
        if (needsSignature) addMissingSignature(parts, path, warnings);
        if (parts.length === 0) warnings.push(`${path}: an assistant message with no content or tool calls was left out`);
        push('model', parts);
        break;
      }
      case 'tool': {
        sawConversation = true;
        const id = message.tool_call_id;
        const name = typeof id === 'string' ? callNames.get(id) : undefined;
        if (name === undefined) {
          throw badRequest(provider, `${path}.tool_call_id "${String(id)}" matches no tool call of an earlier assistant message; Gemini needs the function name`);
        }
        const text = joinText(message.content, `${path}.content`, provider);
        push('user', [{ functionResponse: { name, response: convertToolResult(text) } }]);
        break;
      }
      case 'function': {
        sawConversation = true;
        push('user', [{ functionResponse: { name: message.name, response: convertToolResult(message.content ?? '') } }]);
        break;
      }
      default: {
        const unknown: never = message;
        throw badRequest(provider, `${path}.role "${String((unknown as { role?: unknown }).role)}" is not a role Gemini accepts`);
      }
    }
  });

  if (contents.length === 0) {
    throw badRequest(provider, 'messages needs at least one user or assistant message; Gemini does not accept a system prompt alone');
  }
  return { contents, systemInstruction: systemParts.length === 0 ? undefined : { parts: systemParts }, warnings };
}

function convertAssistant(
  message: AssistantMessage,
  path: string,
  provider: string,
  callNames: Map<string, string>,
  warnings: string[],
): GeminiPart[] {
  const parts: GeminiPart[] = [];
  const content = message.content;
  if (typeof content === 'string') {
    if (content !== '') parts.push({ text: content });
  } else if (Array.isArray(content)) {
    for (const part of content) {
      if (part.type === 'text') parts.push({ text: part.text });
      else if (part.type === 'refusal') parts.push({ text: part.refusal });
    }
  } else if (typeof message.refusal === 'string' && message.refusal !== '') {
    parts.push({ text: message.refusal });
  }
  if (message.audio !== undefined && message.audio !== null) warnings.push(`${path}.audio: Gemini cannot refer back to an earlier audio reply; dropped`);
  for (const [callIndex, call] of (message.tool_calls ?? []).entries()) {
    const name = call.function?.name;
    if (typeof name !== 'string' || name === '') throw badRequest(provider, `${path}.tool_calls[${callIndex}].function.name is missing`);
    callNames.set(call.id, name);
    const part: GeminiPart = { functionCall: { name, args: parseArguments(call.function.arguments, `${path}.tool_calls[${callIndex}].function.arguments`, provider) } };
    const signature = decodeThoughtSignature(call.id);
    if (signature !== undefined) part.thoughtSignature = signature;
    parts.push(part);
  }
  if (message.function_call !== undefined && message.function_call !== null) {
    parts.push({
      functionCall: { name: message.function_call.name, args: parseArguments(message.function_call.arguments, `${path}.function_call.arguments`, provider) },
    });
  }
  return parts;
}

/** Gemini 3 needs a signature on the first function call of each model turn. */
function addMissingSignature(parts: GeminiPart[], path: string, warnings: string[]): void {
  const calls = parts.filter((part) => part.functionCall !== undefined);
  const first = calls[0];
  if (first === undefined || calls.some((part) => part.thoughtSignature !== undefined)) return;
  first.thoughtSignature = SKIP_SIGNATURE;
  warnings.push(`${path}.tool_calls: no thought signature in the tool call ids (history not produced by this Gemini model); sent Google's skip_thought_signature_validator placeholder`);
}

function parseArguments(text: string | undefined, path: string, provider: string): Record<string, unknown> {
  const value = parseToolArguments(text, () => badRequest(provider, `${path} is not valid JSON; Gemini takes function arguments as an object`));
  if (!isRecord(value)) throw badRequest(provider, `${path} must encode a JSON object`);
  return value;
}

/**
 * Gemini wants a JSON object as a function's response. A result that is a JSON object goes as it
 * is; anything else (text, arrays, numbers) is wrapped as `{ output }`, the key Google documents.
 */
function convertToolResult(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (isRecord(value)) return value;
      return { output: value };
    } catch {
      // Not JSON after all: it is text.
    }
  }
  return { output: text };
}

function textParts(content: string | TextContentPart[], path: string, provider: string): GeminiPart[] {
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  if (!Array.isArray(content)) throw badRequest(provider, `${path} must be a string or an array of text parts`);
  return content.map((part, index) => {
    if (part?.type !== 'text') throw badRequest(provider, `${path}[${index}] must be a text part`);
    return { text: part.text };
  });
}

function joinText(content: string | TextContentPart[], path: string, provider: string): string {
  return textParts(content, path, provider)
    .map((part) => part.text)
    .join('');
}

function badRequest(provider: string, message: string): BadRequestError {
  return new BadRequestError(`${provider}: ${message}`, { provider });
}
