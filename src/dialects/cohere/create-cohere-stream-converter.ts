import type { ChatCompletionChunk, ChunkDelta } from '../../../generated/types/index.js';
import { StreamError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { SseEvent } from '../../transport/parse-sse-events.js';
import type { StreamEventResult } from '../dialect.js';
import type { CohereStreamEvent } from './cohere-wire-types.js';
import { convertCohereErrorResponse } from './convert-cohere-error-response.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { createCohereFailure } from './create-cohere-failure.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';

/**
 * Converts the events of one Cohere v2 chat stream (message-start, content-*, tool-plan-delta,
 * tool-call-*, citation-*, message-end) into OpenAI chunks. Per-stream state: the message id and
 * the OpenAI index of each tool call. `message-end` ends the stream with the finish reason, then a
 * usage chunk with empty choices, as OpenAI sends it. Citations are not streamed: the OpenAI chunk
 * has no place for them (the non-streaming response keeps them).
 */
export function createCohereStreamConverter(route: ResolvedRoute, now: () => number = Date.now): (event: SseEvent) => StreamEventResult {
  const context = { provider: route.provider.id, model: route.model };
  const created = Math.floor(now() / 1000);
  let id = '';
  const toolIndexes = new Map<number, number>();

  const chunk = (delta: ChunkDelta, extra: Partial<ChatCompletionChunk['choices'][number]> = {}): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: route.model,
    choices: [{ index: 0, delta, finish_reason: null, ...extra }],
  });
  const emit = (delta: ChunkDelta): StreamEventResult => ({ type: 'chunks', chunks: [chunk(delta)] });

  return (event) => {
    const data = event.data.trim();
    // Cohere ends with message-end, never [DONE]; a stray [DONE] must not pass for a finished answer.
    if (data === '' || data === '[DONE]') return { type: 'ignore' };
    const payload = parseStreamEventData(data, { provider: route.provider.id, model: route.model }) as CohereStreamEvent;
    if (payload === null || typeof payload !== 'object') {
      throw new StreamError(`${route.provider.id}: stream event is not an object: ${data.slice(0, 200)}`, { ...context, body: payload });
    }
    const type = typeof payload.type === 'string' ? payload.type : event.event;
    const message = payload.delta?.message;

    switch (type) {
      case 'message-start':
        if (typeof payload.id === 'string') id = payload.id;
        return emit({ role: 'assistant', content: '' });
      case 'content-start':
      case 'content-delta': {
        const content = message?.content;
        if (typeof content?.text === 'string' && content.text !== '') return emit({ content: content.text });
        if (typeof content?.thinking === 'string' && content.thinking !== '') return emit({ reasoning_content: content.thinking });
        return { type: 'ignore' };
      }
      case 'tool-plan-delta':
        if (typeof message?.tool_plan === 'string' && message.tool_plan !== '') return emit({ reasoning_content: message.tool_plan });
        return { type: 'ignore' };
      case 'tool-call-start': {
        const call = message?.tool_calls;
        const index = toolIndexes.size;
        toolIndexes.set(payload.index ?? index, index);
        return emit({
          tool_calls: [
            {
              index,
              id: call?.id ?? `call_${index}`,
              type: 'function',
              function: { name: call?.function?.name ?? '', arguments: call?.function?.arguments ?? '' },
            },
          ],
        });
      }
      case 'tool-call-delta': {
        const index = toolIndexes.get(payload.index ?? toolIndexes.size - 1);
        if (index === undefined) {
          throw new StreamError(`${route.provider.id}: tool-call-delta for call ${String(payload.index)} arrived before its tool-call-start`, {
            ...context,
            body: payload,
          });
        }
        const fragment = message?.tool_calls?.function?.arguments;
        if (typeof fragment !== 'string' || fragment === '') return { type: 'ignore' };
        return emit({ tool_calls: [{ index, function: { arguments: fragment } }] });
      }
      case 'message-end': {
        const delta = payload.delta ?? {};
        const raw = delta.finish_reason;
        if (typeof delta.error === 'string' && delta.error !== '') {
          throw createCohereFailure(raw ?? 'ERROR', delta.error, payload, route);
        }
        const outcome = mapCohereFinishReason(raw);
        if (outcome === 'failed') throw createCohereFailure(raw ?? 'ERROR', undefined, payload, route);
        const chunks = [chunk({}, { finish_reason: outcome, native_finish_reason: raw ?? null })];
        const usage = convertCohereUsage(delta.usage);
        if (usage !== undefined) chunks.push({ id, object: 'chat.completion.chunk', created, model: route.model, choices: [], usage });
        return { type: 'done', chunks };
      }
      case 'error': {
        const status = (payload as { status_code?: unknown }).status_code;
        throw convertCohereErrorResponse(typeof status === 'number' ? status : 500, payload, context);
      }
      default:
        // content-end, tool-call-end, citation-start/-end, debug and types added later.
        return { type: 'ignore' };
    }
  };
}
