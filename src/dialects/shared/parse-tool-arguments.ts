/**
 * Tool-call arguments, which OpenAI carries as a JSON string and the native formats as the value.
 * Blank means no arguments (`{}`); text that is not JSON throws the dialect's own error, which
 * says what its format needs.
 */
export function parseToolArguments(text: string | undefined, invalid: () => Error): unknown {
  if (text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalid();
  }
}
