import type { ChatCompletionResponse } from '../../generated/types/index.js';
import type { AssembledChatStream, AssembledChoice } from './assembled-chat-stream.js';

/**
 * A whole chat response as an assembled stream, so that `convertAssembledChatStreamToChunks` can
 * replay it as chunks: for example when a server answers a stream request with one JSON body.
 *
 * @example
 * const chunks = convertAssembledChatStreamToChunks(convertChatResponseToAssembledChatStream(response));
 */
export function convertChatResponseToAssembledChatStream(response: ChatCompletionResponse): AssembledChatStream {
  return {
    ...(response.id === undefined ? {} : { id: response.id }),
    ...(response.created === undefined ? {} : { created: response.created }),
    ...(response.model === undefined ? {} : { model: response.model }),
    ...(typeof response.system_fingerprint === 'string' ? { system_fingerprint: response.system_fingerprint } : {}),
    ...(typeof response.service_tier === 'string' ? { service_tier: response.service_tier } : {}),
    choices: response.choices.map((choice, position): AssembledChoice => {
      const { message } = choice;
      return {
        index: choice.index ?? position,
        ...(message.role === undefined ? {} : { role: message.role }),
        ...(typeof message.content === 'string' ? { content: message.content } : {}),
        ...(typeof message.reasoning_content === 'string' ? { reasoning_content: message.reasoning_content } : {}),
        ...(typeof message.refusal === 'string' ? { refusal: message.refusal } : {}),
        tool_calls: (message.tool_calls ?? []).map((call, index) => ({
          index,
          ...(call.id === undefined ? {} : { id: call.id }),
          ...(call.type === undefined ? {} : { type: call.type }),
          function: {
            ...(call.function?.name === undefined ? {} : { name: call.function.name }),
            arguments: call.function?.arguments ?? '',
          },
        })),
        ...(Array.isArray(message.annotations) ? { annotations: structuredClone(message.annotations) } : {}),
        finish_reason: choice.finish_reason ?? null,
        ...(typeof choice.native_finish_reason === 'string' ? { native_finish_reason: choice.native_finish_reason } : {}),
      };
    }),
    ...(response.usage ? { usage: structuredClone(response.usage) } : {}),
  };
}
