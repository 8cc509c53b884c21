import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import { validateChatCompletionChunk } from '../../../generated/validators/chat-completion-chunk.js';
import { StreamError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';
import type { StreamEventResult } from '../dialect.js';
import type { SseEvent } from '../../transport/parse-sse-events.js';
import { isRecord } from '../shared/is-record.js';
import { convertWatsonxCompletion } from './convert-watsonx-chat-response.js';
import { convertWatsonxErrorResponse } from './convert-watsonx-error-response.js';

/**
 * watsonx's `/text/chat_stream` events (`event: message`, `data:` an OpenAI-like chunk with
 * `model_id`; the last one carries the finish reason and usage) as OpenAI chunks. An `errors`
 * payload throws its typed error; the stream has no `[DONE]` and ends after the finish reason.
 */
export function createWatsonxStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult {
  const origin = { provider: route.provider.id, model: route.model };
  return (event) => {
    const data = event.data.trim();
    if (data === '') return { type: 'ignore' };
    if (data === '[DONE]') return { type: 'done' };
    const payload = parseStreamEventData(data, origin);
    if (!isRecord(payload) || !Array.isArray(payload.choices)) {
      const error = convertWatsonxErrorResponse(500, payload, origin);
      if (error !== undefined) throw error;
    }
    const chunk = isRecord(payload) ? convertWatsonxCompletion(payload, 'chat.completion.chunk') : payload;
    const problem = validateChatCompletionChunk(chunk);
    if (problem !== undefined) {
      throw new StreamError(`${route.provider.id}: stream chunk does not fit ChatCompletionChunk: ${problem}`, { ...origin, body: payload });
    }
    return { type: 'chunks', chunks: [chunk as unknown as ChatCompletionChunk] };
  };
}
