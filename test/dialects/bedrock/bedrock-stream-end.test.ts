// ConverseStream ends where the body ends, through the AWS event-stream reader on a loopback
// server: `messageStop` and `metadata` may come in either order and both must arrive; a body that
// ends with no `messageStop` is a StreamError, never a silent end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isLiterLlmError, type ChatCompletionChunk } from '../../../src/index.js';
import { startMockServer, type MockServer } from '../../support/mock-server.js';
import { BEDROCK_TEST_CREDENTIALS } from './bedrock-cases.js';
import { concatFrames, eventFrame } from './event-stream-frames.js';

const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const usage = { inputTokens: 20, outputTokens: 2, totalTokens: 22 };
const head = [
  eventFrame('messageStart', { role: 'assistant' }),
  eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Par' } }),
  eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'is.' } }),
  eventFrame('contentBlockStop', { contentBlockIndex: 0 }),
];
const stop = eventFrame('messageStop', { stopReason: 'max_tokens' });
const metadata = eventFrame('metadata', { usage, metrics: { latencyMs: 300 } });

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function serve(frames: readonly Uint8Array[]): void {
  server.handle((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream' });
    response.end(concatFrames(frames));
  });
}

async function stream(): Promise<ChatCompletionChunk[]> {
  const client = createClient({ maxRetries: 0, providers: { bedrock: { baseURL: server.url, aws: { ...BEDROCK_TEST_CREDENTIALS } } } });
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of client.chatStream({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Capital of France?' }] })) chunks.push(chunk);
  return chunks;
}

describe('bedrock stream end', () => {
  it.each([
    ['messageStop, then metadata', [...head, stop, metadata]],
    ['metadata, then messageStop', [...head, metadata, stop]],
  ])('delivers the finish reason and the usage: %s', async (_order, frames) => {
    serve(frames);
    const chunks = await stream();
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Paris.');
    const finishes = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason).filter((reason) => reason !== null && reason !== undefined));
    expect(finishes).toEqual(['length']);
    expect(chunks.filter((chunk) => chunk.usage).map((chunk) => chunk.usage)).toEqual([{ prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 }]);
  });

  it.each([
    ['with metadata', [...head, metadata]],
    ['with nothing after the content', head],
  ])('is a StreamError when the body ends without messageStop (%s)', async (_case, frames) => {
    serve(frames);
    const error = await stream().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isLiterLlmError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'Stream', provider: 'bedrock', partialContent: 'Paris.' });
  });
});
