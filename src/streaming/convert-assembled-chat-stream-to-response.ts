import type { ChatCompletionMessage, ChatCompletionResponse } from '../../generated/types/index.js';
import type { AssembledChatStream } from './assembled-chat-stream.js';

/**
 * An assembled stream as the response `chat` would have returned: one message per choice, with
 * `content` null when the stream carried no text (a reply of tool calls only).
 *
 * @example
 * const response = convertAssembledChatStreamToResponse(accumulator.result());
 * response.choices[0]?.message.tool_calls;
 */
export function convertAssembledChatStreamToResponse(assembled: AssembledChatStream): ChatCompletionResponse {
  return {
    ...(assembled.id === undefined ? {} : { id: assembled.id }),
    object: 'chat.completion',
    ...(assembled.created === undefined ? {} : { created: assembled.created }),
    ...(assembled.model === undefined ? {} : { model: assembled.model }),
    ...(assembled.system_fingerprint === undefined ? {} : { system_fingerprint: assembled.system_fingerprint }),
    ...(assembled.service_tier === undefined ? {} : { service_tier: assembled.service_tier }),
    choices: assembled.choices.map((choice) => {
      const message: ChatCompletionMessage = {
        role: choice.role ?? 'assistant',
        content: choice.content ?? null,
        ...(choice.reasoning_content === undefined ? {} : { reasoning_content: choice.reasoning_content }),
        ...(choice.refusal === undefined ? {} : { refusal: choice.refusal }),
        ...(choice.tool_calls.length === 0
          ? {}
          : {
              tool_calls: choice.tool_calls.map((call) => ({
                ...(call.id === undefined ? {} : { id: call.id }),
                type: call.type ?? 'function',
                function: { ...(call.function.name === undefined ? {} : { name: call.function.name }), arguments: call.function.arguments },
              })),
            }),
      };
      return {
        index: choice.index,
        message,
        finish_reason: choice.finish_reason,
        ...(choice.native_finish_reason === undefined ? {} : { native_finish_reason: choice.native_finish_reason }),
      };
    }),
    ...(assembled.usage === undefined ? {} : { usage: structuredClone(assembled.usage) }),
  };
}
