/** Characters per token for estimates: a common rule of thumb for English text and code. */
export const CHARACTERS_PER_TOKEN = 4;
/** Tokens a chat message costs beyond its text (role and separators). */
const MESSAGE_OVERHEAD_TOKENS = 4;
const REQUEST_TEXT_KEYS = ['messages', 'input', 'instructions', 'prompt', 'system', 'tools', 'documents', 'query'] as const;

/**
 * A rough count of a request's input tokens, before a call or when a stream reports no usage:
 * every string in its messages, input, instructions, prompt and tools, at about four characters a
 * token, plus a few tokens per message. Deliberately simple; the provider's reported usage wins.
 */
export function estimateRequestTokens(request: unknown): number {
  if (request === null || typeof request !== 'object') return 0;
  const record = request as Record<string, unknown>;
  let characters = 0;
  for (const key of REQUEST_TEXT_KEYS) characters += countCharacters(record[key], 0);
  const messages = Array.isArray(record.messages) ? record.messages.length : 0;
  return Math.ceil(characters / CHARACTERS_PER_TOKEN) + messages * MESSAGE_OVERHEAD_TOKENS;
}

/** Counts generated text as a stream goes by, for an estimate of its output tokens. */
export interface StreamMeter {
  observe(chunk: unknown): void;
  outputTokens(): number;
}

/**
 * A meter for chat chunks (`choices[].delta`: content, reasoning, tool call names and arguments)
 * and Responses API events (their `delta` text).
 */
export function createStreamMeter(): StreamMeter {
  let characters = 0;
  return {
    observe(chunk) {
      if (chunk === null || typeof chunk !== 'object') return;
      const record = chunk as { choices?: unknown; delta?: unknown };
      if (typeof record.delta === 'string') characters += record.delta.length;
      if (!Array.isArray(record.choices)) return;
      for (const choice of record.choices as Array<{ delta?: Record<string, unknown> | null }>) {
        const delta = choice?.delta;
        if (delta === null || typeof delta !== 'object') continue;
        characters += countCharacters(delta.content, 0) + countCharacters(delta.reasoning_content, 0) + countCharacters(delta.reasoning, 0);
        characters += countCharacters(delta.tool_calls, 0);
      }
    },
    outputTokens: () => Math.ceil(characters / CHARACTERS_PER_TOKEN),
  };
}

/** Characters of every string inside `value` (object keys excluded), not descending past a sane depth. */
function countCharacters(value: unknown, depth: number): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object' || depth > 8) return 0;
  if (value instanceof Uint8Array || (typeof Blob !== 'undefined' && value instanceof Blob)) return 0;
  let total = 0;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) total += countCharacters(item, depth + 1);
  return total;
}
