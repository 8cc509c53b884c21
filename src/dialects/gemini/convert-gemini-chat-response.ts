import { createRandomId } from '../../transport/create-random-id.js';
import type { ChatCompletionChoice, ChatCompletionResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { convertGeminiLogprobs } from './convert-gemini-logprobs.js';
import { convertGeminiGrounding, type GroundedPart } from './convert-gemini-grounding.js';
import { convertGeminiParts } from './convert-gemini-parts.js';
import type { GeminiCandidate, GeminiPart } from './gemini-wire-types.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { mapGeminiUsage } from './map-gemini-usage.js';
import { parseGeminiCreateTime } from './parse-gemini-create-time.js';
import { parseGeminiResponse } from './parse-gemini-response.js';

/**
 * A GenerateContentResponse as an OpenAI chat completion: one choice per candidate. A prompt
 * blocked before any candidate (`promptFeedback.blockReason`) is one empty choice with
 * finish_reason `content_filter` and the block reason as `native_finish_reason`.
 */
export function convertGeminiChatResponse(body: unknown, route: ResolvedRoute): ChatCompletionResponse {
  const response = parseGeminiResponse(body, route, 'chat response');
  const id = typeof response.responseId === 'string' && response.responseId !== '' ? response.responseId : createRandomId().replace(/-/g, '');
  const candidates = response.candidates ?? [];
  const blockReason = response.promptFeedback?.blockReason;

  let choices: ChatCompletionChoice[];
  if (candidates.length === 0) {
    if (typeof blockReason !== 'string') {
      throw new InvalidResponseError(`${route.provider.id}: the chat response has no candidates and no block reason`, {
        provider: route.provider.id,
        model: route.model,
        body,
      });
    }
    choices = [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter', native_finish_reason: blockReason }];
  } else {
    choices = candidates.map((candidate, position) => convertCandidate(candidate, position, id));
  }

  const result: ChatCompletionResponse = {
    id,
    object: 'chat.completion',
    created: parseGeminiCreateTime(response.createTime),
    model: typeof response.modelVersion === 'string' ? response.modelVersion : route.model,
    choices,
  };
  const usage = mapGeminiUsage(response.usageMetadata);
  if (usage !== undefined) result.usage = usage;
  return result;
}

function convertCandidate(candidate: GeminiCandidate, position: number, responseKey: string): ChatCompletionChoice {
  const index = typeof candidate.index === 'number' ? candidate.index : position;
  const key = index === 0 ? responseKey : `${responseKey}_${index}`;
  const parts = convertGeminiParts(candidate.content?.parts, key, 0);
  const choice: ChatCompletionChoice = {
    index,
    message: { role: 'assistant', content: parts.text ?? null },
    finish_reason: null,
    native_finish_reason: null,
  };
  if (parts.reasoning !== undefined) choice.message.reasoning_content = parts.reasoning;
  if (parts.toolCalls.length > 0) choice.message.tool_calls = parts.toolCalls;
  const annotations = convertGeminiGrounding(candidate.groundingMetadata, partAt(candidate.content?.parts ?? [], key), parts.text?.length ?? 0);
  if (annotations.length > 0) choice.message.annotations = annotations;
  if (typeof candidate.finishReason === 'string') {
    choice.finish_reason = mapGeminiFinishReason(candidate.finishReason, parts.toolCalls.length > 0);
    choice.native_finish_reason = candidate.finishReason;
  }
  const logprobs = convertGeminiLogprobs(candidate.logprobsResult);
  if (logprobs !== undefined) choice.logprobs = logprobs;
  return choice;
}

/** A part's answer text (none for thoughts and calls) and where it starts in the joined content. */
function partAt(parts: readonly GeminiPart[], key: string): (index: number) => GroundedPart | undefined {
  return (index) => {
    const part = parts[index];
    if (part === undefined) return undefined;
    return {
      text: part !== null && typeof part === 'object' && typeof part.text === 'string' && part.thought !== true ? part.text : '',
      contentOffset: convertGeminiParts(parts.slice(0, index), key, 0).text?.length ?? 0,
    };
  };
}
