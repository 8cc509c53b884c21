import type { ModelsListResponse } from '../../../generated/types/index.js';

/**
 * The model list with `created` on every model, as OpenAI's schema requires: where the provider
 * gives no creation time (Gemini, Cohere, Cloudflare, ElevenLabs, watsonx, some OpenAI-compatible
 * servers) it is 0, the Unix epoch, which reads as "not reported" rather than as a real date.
 */
export function fillModelCreated(list: ModelsListResponse): ModelsListResponse {
  if (!Array.isArray(list.data) || list.data.every((model) => typeof model.created === 'number')) return list;
  return { ...list, data: list.data.map((model) => (typeof model.created === 'number' ? model : { ...model, created: 0 })) };
}
