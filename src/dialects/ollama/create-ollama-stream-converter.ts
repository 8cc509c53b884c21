import type { ChatCompletionChunk, ChunkDelta } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { SseEvent } from '../../transport/parse-sse-events.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';
import type { StreamEventResult } from '../dialect.js';
import {
  convertOllamaToolCalls,
  convertOllamaUsage,
  createOllamaCompletionId,
  mapOllamaFinishReason,
  parseCreated,
  parseOllamaChatResponse,
} from './convert-ollama-chat-response.js';

/**
 * The lines of one Ollama chat stream (NDJSON, each a partial answer) as OpenAI chunks: content,
 * thinking and whole tool calls as deltas; the `done` line ends the stream with the finish reason,
 * then a usage chunk with empty choices, as OpenAI sends it. An `error` line throws.
 */
export function createOllamaStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult {
  const id = createOllamaCompletionId();
  let created: number | undefined;
  let started = false;
  let toolCallCount = 0;

  const chunk = (delta: ChunkDelta, extra: Partial<ChatCompletionChunk['choices'][number]> = {}): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created: created ?? 0,
    model: route.model,
    choices: [{ index: 0, delta, finish_reason: null, ...extra }],
  });

  return (event) => {
    const payload = parseStreamEventData(event.data, { provider: route.provider.id, model: route.model });
    const line = parseOllamaChatResponse(payload, route);
    created ??= parseCreated(line.created_at);
    const chunks: ChatCompletionChunk[] = [];
    const message = line.message ?? {};
    const delta: ChunkDelta = {};
    if (!started) {
      started = true;
      delta.role = 'assistant';
    }
    if (typeof message.content === 'string' && message.content !== '') delta.content = message.content;
    if (typeof message.thinking === 'string' && message.thinking !== '') delta.reasoning_content = message.thinking;
    const calls = convertOllamaToolCalls(message.tool_calls, toolCallCount);
    if (calls.length > 0) {
      delta.tool_calls = calls.map((call, offset) => ({ index: toolCallCount + offset, ...call }));
      toolCallCount += calls.length;
    }
    if (Object.keys(delta).length > 0) chunks.push(chunk(delta));
    if (line.done !== true) return chunks.length === 0 ? { type: 'ignore' } : { type: 'chunks', chunks };
    chunks.push(chunk({}, { finish_reason: mapOllamaFinishReason(line.done_reason, toolCallCount > 0), native_finish_reason: line.done_reason ?? null }));
    const usage = convertOllamaUsage(line);
    if (usage !== undefined) chunks.push({ id, object: 'chat.completion.chunk', created: created ?? 0, model: route.model, choices: [], usage });
    return { type: 'done', chunks };
  };
}
