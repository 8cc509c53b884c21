import type { EmbeddingResponse } from '../../../generated/types/index.js';
import type { CallContext } from '../../call/call-context.js';

/**
 * The embedding response with `usage` always present, its token counts recorded in `callInfo()`
 * (prompt tokens only): the one place every embedding shape ends. Where the provider reports no
 * usage (Gemini, Bedrock's Cohere models, Hugging Face) the response carries zeros, as OpenAI's
 * schema requires the field, and a warning says they are not counts; `callInfo().usage` stays
 * undefined then, so cost tracking does not take "unknown" for "free".
 */
export function recordEmbeddingUsage(response: EmbeddingResponse, context: CallContext): EmbeddingResponse {
  if (!response.usage) {
    context.info.warnings.push(`${context.route.provider.id} reports no token usage for embeddings: usage is zeros, not counts`);
    return { ...response, usage: { prompt_tokens: 0, total_tokens: 0 } };
  }
  const prompt = response.usage.prompt_tokens ?? 0;
  context.info.usage = { prompt_tokens: prompt, completion_tokens: 0, total_tokens: response.usage.total_tokens ?? prompt };
  return response;
}
