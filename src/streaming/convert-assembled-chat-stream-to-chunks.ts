import type { ChatCompletionChunk, ChunkChoice, ChunkDelta } from '../../generated/types/index.js';
import type { AssembledChatStream, AssembledChoice } from './assembled-chat-stream.js';

/**
 * The chunks that replay an assembled stream, as a provider would send them: per choice a role
 * chunk, then its reasoning, content and refusal (one chunk each, when present), one delta per
 * tool call (id, type, name and the whole arguments), its annotations (one chunk), and a finish chunk; then, when the stream
 * reported usage, a final chunk with no choices and the usage.
 *
 * @example
 * for (const chunk of convertAssembledChatStreamToChunks(assembled)) yield chunk;
 */
export function convertAssembledChatStreamToChunks(assembled: AssembledChatStream): ChatCompletionChunk[] {
  const head: Omit<ChatCompletionChunk, 'choices'> = {
    ...(assembled.id === undefined ? {} : { id: assembled.id }),
    object: 'chat.completion.chunk',
    ...(assembled.created === undefined ? {} : { created: assembled.created }),
    ...(assembled.model === undefined ? {} : { model: assembled.model }),
    ...(assembled.system_fingerprint === undefined ? {} : { system_fingerprint: assembled.system_fingerprint }),
    ...(assembled.service_tier === undefined ? {} : { service_tier: assembled.service_tier }),
  };
  const chunk = (choice: ChunkChoice): ChatCompletionChunk => ({ ...head, choices: [choice] });
  const chunks: ChatCompletionChunk[] = [];
  for (const choice of assembled.choices) chunks.push(...choiceChunks(choice, chunk));
  if (assembled.usage !== undefined) chunks.push({ ...head, choices: [], usage: structuredClone(assembled.usage) });
  return chunks;
}

function choiceChunks(choice: AssembledChoice, chunk: (choice: ChunkChoice) => ChatCompletionChunk): ChatCompletionChunk[] {
  const { index } = choice;
  const delta = (value: ChunkDelta): ChatCompletionChunk => chunk({ index, delta: value, finish_reason: null });
  const chunks = [delta({ role: choice.role ?? 'assistant' })];
  if (choice.reasoning_content) chunks.push(delta({ reasoning_content: choice.reasoning_content }));
  if (choice.content) chunks.push(delta({ content: choice.content }));
  if (choice.refusal) chunks.push(delta({ refusal: choice.refusal }));
  for (const call of choice.tool_calls) {
    chunks.push(
      delta({
        tool_calls: [
          {
            index: call.index,
            ...(call.id === undefined ? {} : { id: call.id }),
            ...(call.type === undefined ? {} : { type: call.type }),
            function: { ...(call.function.name === undefined ? {} : { name: call.function.name }), arguments: call.function.arguments },
          },
        ],
      }),
    );
  }
  if (choice.annotations !== undefined) chunks.push(delta({ annotations: structuredClone([...choice.annotations]) }));
  if (choice.finish_reason !== null) {
    chunks.push(
      chunk({
        index,
        delta: {},
        finish_reason: choice.finish_reason,
        ...(choice.native_finish_reason === undefined ? {} : { native_finish_reason: choice.native_finish_reason }),
      }),
    );
  }
  return chunks;
}
