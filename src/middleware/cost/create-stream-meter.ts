import { tokensOfCharacters } from '../estimate-request-tokens.js';

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
    outputTokens: () => tokensOfCharacters(characters),
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
