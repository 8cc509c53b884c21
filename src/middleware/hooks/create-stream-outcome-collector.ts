import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import { convertAssembledChatStreamToResponse } from '../../streaming/convert-assembled-chat-stream-to-response.js';
import { createChatStreamAccumulator } from '../../streaming/create-chat-stream-accumulator.js';
import type { Operation } from '../../call/operation.js';

/** Watches the items of a stream as they pass and says what they added up to. */
export interface StreamOutcomeCollector {
  add(item: unknown): void;
  result(): unknown;
}

/**
 * For `chatStream`: the chunks assembled into a chat completion response. For
 * `responses.createStream`: the last `response` object an event carried (`response.completed`
 * carries the whole response). Nothing is kept but the assembly.
 *
 * @example
 * const collector = createStreamOutcomeCollector('chatStream');
 * for await (const chunk of stream) collector.add(chunk);
 * collector.result(); // { object: 'chat.completion', choices: [...], usage }
 */
export function createStreamOutcomeCollector(operation: Operation): StreamOutcomeCollector {
  if (operation === 'chatStream') {
    const accumulator = createChatStreamAccumulator();
    return {
      add: (item) => accumulator.add(item as ChatCompletionChunk),
      result: () => convertAssembledChatStreamToResponse(accumulator.result()),
    };
  }
  let last: unknown;
  return {
    add(item) {
      const response = item !== null && typeof item === 'object' ? (item as { response?: unknown }).response : undefined;
      if (response !== null && typeof response === 'object') last = response;
    },
    result: () => last,
  };
}
