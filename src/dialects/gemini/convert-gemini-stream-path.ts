import { ConfigurationError } from '../../errors/error-classes.js';

/**
 * The streaming twin of a `...:generateContent` path: `...:streamGenerateContent?alt=sse`.
 * Without `alt=sse` Gemini streams one JSON array instead of server-sent events.
 */
export function convertGeminiStreamPath(chatPath: string, provider: string): string {
  const [path = '', query] = chatPath.split('?', 2);
  if (!path.endsWith(':generateContent')) {
    throw new ConfigurationError(`${provider}: the chat path "${chatPath}" does not end in :generateContent, so its streaming path cannot be derived`, {
      provider,
    });
  }
  const streamPath = `${path.slice(0, -':generateContent'.length)}:streamGenerateContent`;
  return `${streamPath}?${query === undefined || query === '' ? '' : `${query}&`}alt=sse`;
}
