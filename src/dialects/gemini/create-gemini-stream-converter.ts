import { createRandomId } from '../../transport/create-random-id.js';
import type { ChatCompletionChunk, ChunkChoice, ChunkDelta } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { SseEvent } from '../../transport/parse-sse-events.js';
import type { StreamEventResult } from '../dialect.js';
import { convertGeminiGrounding } from './convert-gemini-grounding.js';
import { convertGeminiLogprobs } from './convert-gemini-logprobs.js';
import { convertGeminiParts } from './convert-gemini-parts.js';
import type { GeminiCandidate, GeminiGenerateContentResponse } from './gemini-wire-types.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { mapGeminiUsage } from './map-gemini-usage.js';
import { parseGeminiCreateTime } from './parse-gemini-create-time.js';
import { parseGeminiResponse } from './parse-gemini-response.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';

interface CandidateState {
  roleSent: boolean;
  calls: number;
  /** The answer text so far: streamed grounding segments index into it. */
  text: string;
  /** Citations already sent, so metadata repeated in a later event is not sent twice. */
  readonly cited: Set<string>;
}

/**
 * A converter for one `streamGenerateContent?alt=sse` response. Each event is a whole
 * GenerateContentResponse holding the next text; each function call arrives whole, so it becomes
 * one tool-call delta with id, name and complete arguments. Gemini sends no `[DONE]`: the event
 * with a `finishReason` completes the stream, and carries the usage (a later usage-only event
 * becomes a chunk without choices).
 */
export function createGeminiStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult {
  const candidates = new Map<number, CandidateState>();
  let id: string | undefined;
  let created: number | undefined;
  let model: string | undefined;

  return (event) => {
    const data = event.data.trim();
    if (data === '') return { type: 'ignore' };
    // Not Gemini's, but a proxy in front of it may add the OpenAI terminator.
    if (data === '[DONE]') return { type: 'done' };
    const payload = parseStreamEventData(data, { provider: route.provider.id, model: route.model });
    const response = parseGeminiResponse(payload, route, 'stream event');
    id ??= typeof response.responseId === 'string' && response.responseId !== '' ? response.responseId : createRandomId().replace(/-/g, '');
    created ??= parseGeminiCreateTime(response.createTime);
    model ??= typeof response.modelVersion === 'string' ? response.modelVersion : route.model;

    const choices = convertChoices(response, candidates, id);
    const finished = choices.some((choice) => choice.finish_reason !== null && choice.finish_reason !== undefined);
    const usage = finished || (response.candidates ?? []).length === 0 ? mapGeminiUsage(response.usageMetadata) : undefined;
    if (choices.length === 0 && usage === undefined) return { type: 'ignore' };
    const chunk: ChatCompletionChunk = { id, object: 'chat.completion.chunk', created, model, choices };
    if (usage !== undefined) chunk.usage = usage;
    return { type: 'chunks', chunks: [chunk] };
  };
}

function convertChoices(response: GeminiGenerateContentResponse, states: Map<number, CandidateState>, responseKey: string): ChunkChoice[] {
  const candidates = response.candidates ?? [];
  const blockReason = response.promptFeedback?.blockReason;
  if (candidates.length === 0 && typeof blockReason === 'string') {
    return [{ index: 0, delta: { role: 'assistant' }, finish_reason: 'content_filter', native_finish_reason: blockReason }];
  }
  const choices: ChunkChoice[] = [];
  candidates.forEach((candidate: GeminiCandidate, position) => {
    const index = typeof candidate.index === 'number' ? candidate.index : position;
    const state = states.get(index) ?? { roleSent: false, calls: 0, text: '', cited: new Set<string>() };
    states.set(index, state);
    const parts = convertGeminiParts(candidate.content?.parts, index === 0 ? responseKey : `${responseKey}_${index}`, state.calls);
    const delta: ChunkDelta = {};
    if (parts.text !== undefined && parts.text !== '') {
      delta.content = parts.text;
      state.text += parts.text;
    }
    if (parts.reasoning !== undefined && parts.reasoning !== '') delta.reasoning_content = parts.reasoning;
    if (parts.toolCalls.length > 0) {
      delta.tool_calls = parts.toolCalls.map((call, offset) => ({
        index: state.calls + offset,
        id: call.id ?? null,
        type: 'function',
        function: { name: call.function?.name ?? '', arguments: call.function?.arguments ?? '{}' },
      }));
      state.calls += parts.toolCalls.length;
    }
    const answer = { text: state.text, contentOffset: 0 };
    const annotations = convertGeminiGrounding(candidate.groundingMetadata, () => answer, state.text.length).filter((annotation) => {
      const key = JSON.stringify(annotation.url_citation);
      if (state.cited.has(key)) return false;
      state.cited.add(key);
      return true;
    });
    if (annotations.length > 0) delta.annotations = annotations;
    const finishReason = typeof candidate.finishReason === 'string' ? candidate.finishReason : undefined;
    if (Object.keys(delta).length === 0 && finishReason === undefined) return;
    if (!state.roleSent) {
      delta.role = 'assistant';
      state.roleSent = true;
    }
    const choice: ChunkChoice = { index, delta, finish_reason: null };
    if (finishReason !== undefined) {
      choice.finish_reason = mapGeminiFinishReason(finishReason, state.calls > 0);
      choice.native_finish_reason = finishReason;
    }
    const logprobs = convertGeminiLogprobs(candidate.logprobsResult);
    if (logprobs !== undefined) choice.logprobs = logprobs;
    choices.push(choice);
  });
  return choices;
}
