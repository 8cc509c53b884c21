import type { ChatCompletionResponse } from '../../../generated/types/index.js';
import { validateChatCompletionResponse } from '../../../generated/validators/chat-completion-response.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { isRecord } from '../shared/is-record.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { convertWatsonxErrorResponse } from './convert-watsonx-error-response.js';

/**
 * A watsonx chat answer or stream chunk in OpenAI's shape: watsonx's are OpenAI's with `model_id`
 * beside `model` and `created_at` / `model_version` added; `object` is filled in, its extras are
 * left out.
 */
export function convertWatsonxCompletion(body: Record<string, unknown>, object: 'chat.completion' | 'chat.completion.chunk'): Record<string, unknown> {
  const { model_id: modelId, created_at: _createdAt, model_version: _version, system: _system, ...rest } = body;
  return { ...rest, object, model: rest.model ?? modelId };
}

/** watsonx's `/text/chat` answer as a ChatCompletionResponse; an `errors` body inside a 200 throws its typed error. */
export function convertWatsonxChatResponse(body: unknown, route: ResolvedRoute): ChatCompletionResponse {
  if (!isRecord(body) || !Array.isArray(body.choices)) {
    const error = convertWatsonxErrorResponse(500, body, { provider: route.provider.id, model: route.model });
    if (error !== undefined) throw error;
    return parseEndpointBody<ChatCompletionResponse>(body, route, validateChatCompletionResponse, 'chat completion');
  }
  return parseEndpointBody<ChatCompletionResponse>(convertWatsonxCompletion(body, 'chat.completion'), route, validateChatCompletionResponse, 'chat completion');
}
