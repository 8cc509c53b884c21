import type { ChatCompletionMessageToolCall, ChatCompletionResponse, Logprobs } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { CohereChatResponse } from './cohere-wire-types.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { createCohereFailure } from './create-cohere-failure.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

/**
 * A Cohere v2 chat response as an OpenAI chat completion: text parts joined into `content`,
 * thinking parts and the tool plan (Cohere's reasoning before tool calls) into `reasoning_content`,
 * tool calls as they are. Citations (from `documents`) have no OpenAI field and are kept as
 * Cohere sends them in `message.citations`.
 */
export function convertCohereChatResponse(body: unknown, route: ResolvedRoute, now: () => number = Date.now): ChatCompletionResponse {
  const response = parseCohereChatResponse(body, route);
  const message = response.message ?? {};
  const parts = Array.isArray(message.content) ? message.content : [];
  const texts = parts.filter((part) => part?.type === 'text' && typeof part.text === 'string').map((part) => part.text as string);
  const thinking = parts
    .filter((part) => part?.type === 'thinking' && typeof part.thinking === 'string')
    .map((part) => part.thinking as string);
  if (typeof message.tool_plan === 'string' && message.tool_plan !== '') thinking.push(message.tool_plan);
  const toolCalls = (Array.isArray(message.tool_calls) ? message.tool_calls : []).map(
    (call, index): ChatCompletionMessageToolCall => ({
      id: typeof call?.id === 'string' ? call.id : `call_${index}`,
      type: 'function',
      function: {
        name: typeof call?.function?.name === 'string' ? call.function.name : '',
        arguments: toArguments(call?.function?.arguments),
      },
    }),
  );

  const outcome = mapCohereFinishReason(response.finish_reason);
  if (outcome === 'failed') throw createCohereFailure(response.finish_reason ?? 'ERROR', undefined, body, route);

  const resultMessage: ChatCompletionResponse['choices'][number]['message'] & { citations?: unknown[] } = {
    role: 'assistant',
    content: texts.length === 0 ? null : texts.join(''),
  };
  if (thinking.length > 0) resultMessage.reasoning_content = thinking.join('\n\n');
  if (toolCalls.length > 0) resultMessage.tool_calls = toolCalls;
  if (Array.isArray(message.citations) && message.citations.length > 0) resultMessage.citations = message.citations;

  const choice: ChatCompletionResponse['choices'][number] = {
    index: 0,
    message: resultMessage,
    finish_reason: outcome,
    native_finish_reason: response.finish_reason ?? null,
  };
  const logprobs = convertLogprobs(response.logprobs);
  if (logprobs !== undefined) choice.logprobs = logprobs;
  const usage = convertCohereUsage(response.usage);
  return {
    id: typeof response.id === 'string' ? response.id : '',
    object: 'chat.completion',
    created: Math.floor(now() / 1000),
    model: route.model,
    choices: [choice],
    ...(usage === undefined ? {} : { usage }),
  };
}

function parseCohereChatResponse(body: unknown, route: ResolvedRoute): CohereChatResponse {
  const message = body !== null && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  if (message === null || typeof message !== 'object') {
    throw new InvalidResponseError(`${route.provider.id}: the chat response has no "message" object`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  return body as CohereChatResponse;
}

function toArguments(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '{}' : JSON.stringify(value);
}

/**
 * Cohere reports log probabilities per generated text piece (which may span several tokens); each
 * piece becomes one OpenAI token entry whose logprob is the sum over its tokens.
 */
function convertLogprobs(items: CohereChatResponse['logprobs']): Logprobs | undefined {
  if (!Array.isArray(items) || items.length === 0) return undefined;
  return {
    content: items.map((item) => ({
      token: typeof item?.text === 'string' ? item.text : '',
      logprob: (Array.isArray(item?.logprobs) ? item.logprobs : []).reduce((sum, value) => sum + value, 0),
      bytes: null,
      top_logprobs: [],
    })),
  };
}
