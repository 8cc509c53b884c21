import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import type { RecordedRequest } from '../../support/mock-server.js';
import { concatFrames, eventFrame, exceptionFrame } from './event-stream-frames.js';
import { checkSigV4 } from './verify-sigv4.js';

// Fixtures follow the Bedrock API reference: Converse responses (output.message.content,
// stopReason, usage), ConverseStream's event sequence (messageStart, contentBlockStart with a
// toolUse, contentBlockDelta text / toolUse.input, contentBlockStop, messageStop, metadata) as
// binary event-stream frames, exception frames, and `{"message": ...}` error bodies.

export const BEDROCK_TEST_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-west-2',
} as const;

const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const EVENT_STREAM = { 'content-type': 'application/vnd.amazon.eventstream' };

/** The request reached the Converse path with the model id encoded once, and its SigV4 signature holds. */
function checkSignedConverse(request: RecordedRequest, path: string): void {
  expect(request.path).toBe(path);
  const check = checkSigV4(request, BEDROCK_TEST_CREDENTIALS.secretAccessKey, 'us-west-2', 'bedrock');
  expect(check.credentialScope).toMatch(/^AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-west-2\/bedrock\/aws4_request$/);
  expect(check.signedHeaders).toBe('host;x-amz-date');
  expect(check.canonicalRequest.split('\n')[1]).toBe(path.replace('%3A', '%253A'));
  expect(check.actualSignature).toBe(check.expectedSignature);
}

const usage = { inputTokens: 20, outputTokens: 2, totalTokens: 22 };

export const bedrockCases: AdapterCases = {
  dialect: 'bedrock',
  providerId: 'bedrock',
  model: MODEL,
  clientOptions: () => ({ providers: { bedrock: { aws: { ...BEDROCK_TEST_CREDENTIALS } } } }),
  text: {
    reply: {
      body: {
        output: { message: { role: 'assistant', content: [{ text: 'Paris.' }] } },
        stopReason: 'end_turn',
        usage,
        metrics: { latencyMs: 412 },
      },
    },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      checkSignedConverse(request, `/model/${encodeURIComponent(MODEL)}/converse`);
      expect(request.body).toEqual({
        system: [{ text: 'You are terse.' }, { text: 'Answer in one word.' }],
        messages: [{ role: 'user', content: [{ text: 'Capital of France?' }] }],
        inferenceConfig: { maxTokens: 50, temperature: 0.2, stopSequences: ['END'] },
      });
    },
  },
  toolCall: {
    reply: {
      body: {
        output: {
          message: {
            role: 'assistant',
            content: [{ toolUse: { toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather', input: { city: 'Paris' } } }],
          },
        },
        stopReason: 'tool_use',
        usage: { inputTokens: 375, outputTokens: 36, totalTokens: 411 },
        metrics: { latencyMs: 2024 },
      },
    },
    expected: {
      content: null,
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather', arguments: { city: 'Paris' } }],
    },
    checkRequest: (request) => {
      expect(request.body).toMatchObject({
        toolConfig: {
          tools: [
            {
              toolSpec: {
                name: 'get_weather',
                description: 'Weather for a city',
                inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
              },
            },
          ],
          toolChoice: { auto: {} },
        },
      });
    },
  },
  textStream: {
    reply: {
      headers: EVENT_STREAM,
      body: concatFrames([
        eventFrame('messageStart', { p: 'abcdefghijkl', role: 'assistant' }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Par' }, p: 'abcd' }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'is.' }, p: 'abcdefg' }),
        eventFrame('contentBlockStop', { contentBlockIndex: 0, p: 'ab' }),
        eventFrame('messageStop', { p: 'abcdef', stopReason: 'end_turn' }),
        eventFrame('metadata', { metrics: { latencyMs: 318 }, p: 'abc', usage }),
      ]),
    },
    expected: { content: 'Paris.', finishReason: 'stop', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } },
    checkRequest: (request) => {
      checkSignedConverse(request, `/model/${encodeURIComponent(MODEL)}/converse-stream`);
      expect(request.headers.accept).toBe('application/vnd.amazon.eventstream');
      expect(request.body).toMatchObject({ inferenceConfig: { maxTokens: 50, temperature: 0.2 } });
      expect(request.body).not.toHaveProperty('stream');
    },
  },
  toolCallStream: {
    reply: {
      headers: EVENT_STREAM,
      body: concatFrames([
        eventFrame('messageStart', { role: 'assistant' }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Let me check.' } }),
        eventFrame('contentBlockStop', { contentBlockIndex: 0 }),
        eventFrame('contentBlockStart', {
          contentBlockIndex: 1,
          start: { toolUse: { toolUseId: 'tooluse_Yr0Kq1rTQ6u3dYv5rCYmUw', name: 'get_weather' } },
        }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":' } } }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '"Paris"}' } } }),
        eventFrame('contentBlockStop', { contentBlockIndex: 1 }),
        eventFrame('messageStop', { stopReason: 'tool_use' }),
        eventFrame('metadata', { usage: { inputTokens: 375, outputTokens: 52, totalTokens: 427 }, metrics: { latencyMs: 900 } }),
      ]),
    },
    expected: {
      content: 'Let me check.',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'tooluse_Yr0Kq1rTQ6u3dYv5rCYmUw', name: 'get_weather', arguments: { city: 'Paris' } }],
      usage: { prompt_tokens: 375, completion_tokens: 52, total_tokens: 427 },
    },
  },
  truncatedStream: {
    reply: {
      headers: EVENT_STREAM,
      // The connection drops halfway through the third frame.
      body: (() => {
        const third = eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'is.' } });
        return concatFrames([
          eventFrame('messageStart', { role: 'assistant' }),
          eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Par' } }),
          third.slice(0, Math.floor(third.length / 2)),
        ]);
      })(),
    },
    partialContent: 'Par',
  },
  // metadata (usage) arrives but messageStop never does.
  streamWithoutStop: {
    reply: {
      headers: EVENT_STREAM,
      body: concatFrames([
        eventFrame('messageStart', { role: 'assistant' }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Par' } }),
        eventFrame('contentBlockStop', { contentBlockIndex: 0 }),
        eventFrame('metadata', { usage, metrics: { latencyMs: 318 } }),
      ]),
    },
    partialContent: 'Par',
  },
  streamError: {
    reply: {
      headers: EVENT_STREAM,
      body: concatFrames([
        eventFrame('messageStart', { role: 'assistant' }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Par' } }),
        exceptionFrame('throttlingException', { message: 'Too many requests, please wait before trying again.' }),
      ]),
    },
    kind: 'RateLimited',
  },
  authError: { status: 403, body: { message: 'The security token included in the request is invalid.' } },
  rateLimitError: {
    status: 429,
    headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/' },
    body: { message: 'Too many requests, please wait before trying again.' },
  },
  contextWindowError: { status: 400, body: { message: 'Input is too long for requested model.' } },
  skips: {
    urlCitations: 'Converse citations (citationsContent) locate passages of documents sent with the request, not web URLs',
    urlCitationsStream: 'Converse citations (citationsContent) locate passages of documents sent with the request, not web URLs',
    modelsWithoutCreated: 'the Bedrock dialect lists no models (ListFoundationModels is a control-plane API it does not serve)',
  },
  // Cohere on Bedrock reports no token counts in the body.
  embeddingWithoutUsage: {
    model: 'cohere.embed-english-v3',
    reply: { body: { id: 'emb-1', response_type: 'embeddings_floats', embeddings: [[0.1, 0.2]], texts: ['hello'] } },
  },
};
