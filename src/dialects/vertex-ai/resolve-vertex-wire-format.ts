import type { ResolvedRoute } from '../../routing/resolved-route.js';

/** The formats Vertex AI speaks for chat, by publisher. */
export type VertexWireFormat = 'gemini' | 'anthropic' | 'openai';

/**
 * Which format an entry of the `vertex_ai` dialect speaks, read from the chat path it declares:
 * `...:rawPredict` is a partner model's own API (Claude: Anthropic's Messages), `.../chat/completions`
 * the OpenAI-compatible endpoint (`endpoints/openapi`) of the open and partner MaaS models, anything
 * else Gemini's `generateContent`. The path is data in the registry, so it decides.
 */
export function resolveVertexWireFormat(route: ResolvedRoute): VertexWireFormat {
  const path = (route.provider.definition.endpoints.chat?.path ?? '').split('?', 1)[0] ?? '';
  if (path.endsWith(':rawPredict')) return 'anthropic';
  if (path.endsWith('/chat/completions')) return 'openai';
  return 'gemini';
}
