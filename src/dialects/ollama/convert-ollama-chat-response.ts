import { createRandomId } from '../../transport/create-random-id.js';
import type { ChatCompletionMessageToolCall, ChatCompletionResponse, Usage } from '../../../generated/types/index.js';
import { createPayloadError } from '../../errors/create-http-error.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { OllamaChatResponse, OllamaToolCall } from './ollama-wire-types.js';

/**
 * An Ollama `/api/chat` answer as an OpenAI chat completion: `thinking` as `reasoning_content`,
 * tool calls with their arguments as JSON text (and an id made up when Ollama sends none),
 * `done_reason` as the finish reason (`tool_calls` when the model called tools), token counts as
 * usage. Ollama's answer has no id, so one is made up.
 */
export function convertOllamaChatResponse(body: unknown, route: ResolvedRoute): ChatCompletionResponse {
  const response = parseOllamaChatResponse(body, route);
  const message = response.message ?? {};
  const toolCalls = convertOllamaToolCalls(message.tool_calls);
  // As OpenAI's, the content of a turn that only calls tools is null.
  const content = message.content ?? '';
  const result: ChatCompletionResponse['choices'][number]['message'] = { role: 'assistant', content: content === '' && toolCalls.length > 0 ? null : content };
  if (typeof message.thinking === 'string' && message.thinking !== '') result.reasoning_content = message.thinking;
  if (toolCalls.length > 0) result.tool_calls = toolCalls;
  const usage = convertOllamaUsage(response);
  return {
    id: createOllamaCompletionId(),
    object: 'chat.completion',
    created: parseCreated(response.created_at),
    model: route.model,
    choices: [
      {
        index: 0,
        message: result,
        finish_reason: mapOllamaFinishReason(response.done_reason, toolCalls.length > 0),
        native_finish_reason: response.done_reason ?? null,
      },
    ],
    ...(usage === undefined ? {} : { usage }),
  };
}

/** One answer or stream line, checked: an `error` field is Ollama's error, a missing message a broken answer. */
export function parseOllamaChatResponse(body: unknown, route: ResolvedRoute): OllamaChatResponse {
  const context = { provider: route.provider.id, model: route.model };
  if (body === null || typeof body !== 'object') {
    throw new InvalidResponseError(`${route.provider.id}: the chat response is not a JSON object`, { ...context, body });
  }
  const response = body as OllamaChatResponse;
  if (typeof response.error === 'string') throw createPayloadError(body, { ...context, secrets: [] });
  if (response.message !== undefined && (response.message === null || typeof response.message !== 'object')) {
    throw new InvalidResponseError(`${route.provider.id}: the chat response's "message" is not an object`, { ...context, body });
  }
  if (response.message === undefined && response.done !== true) {
    throw new InvalidResponseError(`${route.provider.id}: the chat response has no "message"`, { ...context, body });
  }
  return response;
}

export function convertOllamaToolCalls(calls: readonly OllamaToolCall[] | undefined, firstIndex = 0): ChatCompletionMessageToolCall[] {
  return (Array.isArray(calls) ? calls : []).map((call, offset) => ({
    id: typeof call.id === 'string' && call.id !== '' ? call.id : `call_${firstIndex + offset}`,
    type: 'function',
    function: {
      name: typeof call.function?.name === 'string' ? call.function.name : '',
      arguments: typeof call.function?.arguments === 'string' ? call.function.arguments : JSON.stringify(call.function?.arguments ?? {}),
    },
  }));
}

export function mapOllamaFinishReason(reason: string | undefined, calledTools: boolean): 'stop' | 'length' | 'tool_calls' {
  if (calledTools) return 'tool_calls';
  return reason === 'length' ? 'length' : 'stop';
}

export function convertOllamaUsage(response: OllamaChatResponse): Usage | undefined {
  const prompt = response.prompt_eval_count;
  const completion = response.eval_count;
  if (typeof prompt !== 'number' && typeof completion !== 'number') return undefined;
  const promptTokens = prompt ?? 0;
  const completionTokens = completion ?? 0;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

export function createOllamaCompletionId(): string {
  return `chatcmpl-ollama-${createRandomId()}`;
}

export function parseCreated(createdAt: string | undefined): number {
  const parsed = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
  return Math.floor((Number.isNaN(parsed) ? Date.now() : parsed) / 1000);
}
