import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { SseEvent } from '../../transport/parse-sse-events.js';
import type { StreamEventResult } from '../dialect.js';
import { openAiDialect } from '../openai/openai-dialect.js';
import { convertAzureErrorPayload } from './convert-azure-error-response.js';
import { isRecord } from '../shared/is-record.js';

/**
 * Azure OpenAI streams are OpenAI's, with two additions handled here: the first event is often a
 * bare `prompt_filter_results` announcement (empty choices, empty id and model), whose results are
 * moved onto the next real chunk instead of reaching the caller as a chunk of its own; and error
 * events are read with Azure's codes (content filter, deployment not found). Per-choice
 * `content_filter_results` and finish_reason `content_filter` pass through as they are.
 */
export function createAzureStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult {
  const convert = openAiDialect.createChatStreamConverter(route);
  const context = { provider: route.provider.id, model: route.model };
  let promptFilterResults: unknown;

  return (event) => {
    const payload = parseObject(event.data);
    if (payload !== undefined) {
      if (payload.error !== undefined && payload.error !== null) throw convertAzureErrorPayload(payload, context);
      const isAnnouncement =
        Array.isArray(payload.choices) && payload.choices.length === 0 && (payload.usage === undefined || payload.usage === null);
      if (isAnnouncement && payload.prompt_filter_results !== undefined) {
        promptFilterResults = payload.prompt_filter_results;
        return { type: 'ignore' };
      }
    }
    const result = convert(event);
    if (promptFilterResults === undefined || result.type === 'ignore' || result.chunks === undefined || result.chunks.length === 0) {
      return result;
    }
    const [first, ...rest] = result.chunks as [ChatCompletionChunk, ...ChatCompletionChunk[]];
    const annotated = { ...first, prompt_filter_results: promptFilterResults } as ChatCompletionChunk;
    promptFilterResults = undefined;
    return { ...result, chunks: [annotated, ...rest] };
  };
}

function parseObject(data: string): Record<string, unknown> | undefined {
  const text = data.trim();
  if (text === '' || text === '[DONE]') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    // The OpenAI converter reports the malformed event.
    return undefined;
  }
}
