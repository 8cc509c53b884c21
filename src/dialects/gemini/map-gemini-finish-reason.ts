/** Gemini stop reasons that mean content was withheld by a filter. */
const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/**
 * A Gemini `finishReason` (or `promptFeedback.blockReason`) as OpenAI's finish_reason. STOP is
 * `tool_calls` when the turn called functions, since Gemini has no reason of its own for that.
 * Reasons with no OpenAI counterpart (MALFORMED_FUNCTION_CALL, LANGUAGE, OTHER, ...) become `stop`;
 * callers keep the raw value in `native_finish_reason`.
 */
export function mapGeminiFinishReason(reason: string, hasToolCalls: boolean): 'stop' | 'length' | 'tool_calls' | 'content_filter' {
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTERED.has(reason)) return 'content_filter';
  if (reason === 'STOP' && hasToolCalls) return 'tool_calls';
  return 'stop';
}
