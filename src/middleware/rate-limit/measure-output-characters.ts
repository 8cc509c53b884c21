/**
 * Characters of generated text in a response, a chat chunk or a Responses stream event: message
 * and delta contents, reasoning, and tool call arguments. Used when a provider reports no usage
 * (a stream that ended early, a provider without usage in streams).
 */
export function measureOutputCharacters(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const record = value as Record<string, unknown>;
  if (typeof record.type === 'string' && record.type.endsWith('.delta') && typeof record.delta === 'string') return record.delta.length;
  let characters = 0;
  if (Array.isArray(record.choices)) {
    for (const choice of record.choices as Array<Record<string, unknown> | null>) {
      const message = (choice?.message ?? choice?.delta) as Record<string, unknown> | undefined;
      characters += textLength(message?.content) + textLength(message?.reasoning_content) + textLength(choice?.text);
      const toolCalls = message?.tool_calls;
      if (Array.isArray(toolCalls)) {
        for (const call of toolCalls as Array<{ function?: { arguments?: unknown } } | null>) characters += textLength(call?.function?.arguments);
      }
    }
  }
  return characters;
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}
