import type { ChatCompletionMessageToolCall } from '../../../generated/types/index.js';
import { encodeToolCallId } from './encode-tool-call-id.js';
import type { GeminiPart } from './gemini-wire-types.js';

export interface ConvertedGeminiParts {
  /** Answer text; undefined when no part carried any. */
  readonly text: string | undefined;
  /** Thought summaries (`thought: true` parts); undefined when none. */
  readonly reasoning: string | undefined;
  readonly toolCalls: ChatCompletionMessageToolCall[];
}

/**
 * The parts of one candidate as OpenAI message fields. Thought parts become reasoning; each
 * `functionCall` part one tool call with its whole arguments as a JSON string and an id that is
 * Gemini's when it gives one, else `call_<responseKey>_<n>`, where `n` counts calls from
 * `firstCallIndex` (streams keep counting across chunks). Code-execution parts are shown as
 * fenced code in the text.
 */
export function convertGeminiParts(parts: readonly GeminiPart[] | undefined, responseKey: string, firstCallIndex: number): ConvertedGeminiParts {
  let text: string | undefined;
  let reasoning: string | undefined;
  const toolCalls: ChatCompletionMessageToolCall[] = [];
  for (const part of parts ?? []) {
    if (part === null || typeof part !== 'object') continue;
    if (part.functionCall !== undefined && part.functionCall !== null) {
      const call = part.functionCall;
      const baseId = typeof call.id === 'string' && call.id !== '' ? call.id : `call_${responseKey}_${firstCallIndex + toolCalls.length}`;
      toolCalls.push({
        id: encodeToolCallId(baseId, part.thoughtSignature),
        type: 'function',
        function: { name: String(call.name ?? ''), arguments: JSON.stringify(call.args ?? {}) },
      });
    } else if (typeof part.text === 'string') {
      if (part.thought === true) reasoning = (reasoning ?? '') + part.text;
      else text = (text ?? '') + part.text;
    } else if (part.executableCode !== undefined) {
      const language = (part.executableCode.language ?? '').toLowerCase().replace('language_unspecified', '');
      text = `${text ?? ''}\n\`\`\`${language}\n${part.executableCode.code ?? ''}\n\`\`\`\n`;
    } else if (part.codeExecutionResult !== undefined) {
      text = `${text ?? ''}\n\`\`\`\n${part.codeExecutionResult.output ?? ''}\n\`\`\`\n`;
    }
  }
  return { text, reasoning, toolCalls };
}
