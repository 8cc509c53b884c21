import type { ChatCompletionChunk } from '../../generated/types/index.js';
import { CallStream } from '../call/call-stream.js';

/**
 * The result of `chatStream`: an async iterable of OpenAI-shaped chunks, consumed once. The request
 * starts on the first iteration; `break` (or the call's `signal`) cancels it. `callInfo(stream)`
 * is complete once the stream has ended.
 */
export class ChatStream extends CallStream<ChatCompletionChunk> {}
