/**
 * The reasoning text of a message or delta: the SDK's `reasoning_content`, else `reasoning`, the
 * name some OpenAI-compatible servers (OpenRouter, Groq, newer vLLM) use and the SDK passes through.
 */
export function readReasoningText(message: object | null | undefined): string | undefined {
  if (message === null || message === undefined) return undefined;
  const record = message as { reasoning_content?: unknown; reasoning?: unknown };
  if (typeof record.reasoning_content === 'string') return record.reasoning_content;
  return typeof record.reasoning === 'string' ? record.reasoning : undefined;
}
