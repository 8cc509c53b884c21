import type { ChatCompletionChoice, ChatCompletionMessage, ChatCompletionResponse } from '../../generated/types/index.js';
import type { AssembledChatStream, AssembledChoice } from './assembled-chat-stream.js';

/**
 * An assembled stream as the response `chat` would have returned: one message per choice, with
 * `content` null when the stream carried no text (a reply of tool calls only).
 *
 * Hooks build one for every stream that ends, so fields are set one by one (in the order a
 * response has them) rather than spread from conditional objects, which cost more than the rest
 * of a hooked stream's end.
 *
 * @example
 * const response = convertAssembledChatStreamToResponse(accumulator.result());
 * response.choices[0]?.message.tool_calls;
 */
export function convertAssembledChatStreamToResponse(assembled: AssembledChatStream): ChatCompletionResponse {
  const response: Omit<ChatCompletionResponse, 'choices'> & Partial<Pick<ChatCompletionResponse, 'choices'>> = {};
  if (assembled.id !== undefined) response.id = assembled.id;
  response.object = 'chat.completion';
  if (assembled.created !== undefined) response.created = assembled.created;
  if (assembled.model !== undefined) response.model = assembled.model;
  if (assembled.system_fingerprint !== undefined) response.system_fingerprint = assembled.system_fingerprint;
  if (assembled.service_tier !== undefined) response.service_tier = assembled.service_tier;
  response.choices = assembled.choices.map(convertChoice);
  if (assembled.usage !== undefined) response.usage = structuredClone(assembled.usage);
  return response as ChatCompletionResponse;
}

function convertChoice(choice: AssembledChoice): ChatCompletionChoice {
  const message: ChatCompletionMessage = { role: choice.role ?? 'assistant', content: choice.content ?? null };
  if (choice.reasoning_content !== undefined) message.reasoning_content = choice.reasoning_content;
  if (choice.refusal !== undefined) message.refusal = choice.refusal;
  if (choice.tool_calls.length > 0) {
    message.tool_calls = choice.tool_calls.map((call) => {
      const { name, arguments: text } = call.function;
      const fn = name === undefined ? { arguments: text } : { name, arguments: text };
      const type = call.type ?? 'function';
      return call.id === undefined ? { type, function: fn } : { id: call.id, type, function: fn };
    });
  }
  if (choice.annotations !== undefined) message.annotations = structuredClone([...choice.annotations]);
  const converted: ChatCompletionChoice = { index: choice.index, message, finish_reason: choice.finish_reason };
  if (choice.native_finish_reason !== undefined) converted.native_finish_reason = choice.native_finish_reason;
  return converted;
}
