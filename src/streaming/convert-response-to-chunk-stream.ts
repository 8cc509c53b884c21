import type { ChatCompletionChunk, ChatCompletionResponse } from '../../generated/types/index.js';
import { convertAssembledChatStreamToChunks } from './convert-assembled-chat-stream-to-chunks.js';
import { convertChatResponseToAssembledChatStream } from './convert-chat-response-to-assembled-chat-stream.js';

/**
 * A whole chat response replayed as a chunk stream: for servers that answer a streaming request
 * with a plain JSON completion (some local servers and gateways ignore `stream: true`).
 */
export async function* convertResponseToChunkStream(response: ChatCompletionResponse): AsyncGenerator<ChatCompletionChunk> {
  yield* convertAssembledChatStreamToChunks(convertChatResponseToAssembledChatStream(response));
}
