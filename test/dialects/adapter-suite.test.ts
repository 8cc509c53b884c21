// One suite, run against every dialect: each `test/dialects/<dialect>/<dialect>-cases.ts` answers
// the same scenarios in its provider's wire format, and the OpenAI-shaped results must agree.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDialectImplemented } from '../../src/dialects/load-dialect.js';
import { callInfo, createClient, isLiterLlmError, type ChatCompletionChunk, type ChatCompletionResponse } from '../../src/index.js';
import { convertAssembledChatStreamToResponse } from '../../src/streaming/convert-assembled-chat-stream-to-response.js';
import { createChatStreamAccumulator } from '../../src/streaming/create-chat-stream-accumulator.js';
import { startMockServer, type MockServer } from '../support/mock-server.js';
import type { AdapterCases, AdapterScenario, ExpectedChat, WireReply } from './adapter-cases.js';
import { ADAPTER_CASES, PROVIDER_CASES } from './adapter-cases-by-dialect.js';
import { wireReplyHandler } from './wire-reply-handler.js';

const allCases: readonly AdapterCases[] = [...ADAPTER_CASES, ...PROVIDER_CASES];

/** Every dialect the registry schema allows, whether implemented or not. */
function declaredDialects(): string[] {
  const schema: unknown = JSON.parse(readFileSync(new URL('../../schemas/providers.schema.json', import.meta.url), 'utf8'));
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const names = key === 'dialect' ? (value as { enum?: unknown }).enum : undefined;
      if (Array.isArray(names)) for (const name of names) found.add(String(name));
      walk(value);
    }
  };
  walk(schema);
  return [...found];
}

describe('adapter suite registration', () => {
  it('has cases registered for every implemented dialect, once each, and for no other', () => {
    const implemented = declaredDialects().filter((name) => isDialectImplemented(name));
    expect(implemented).toContain('openai');
    const registered = ADAPTER_CASES.map((cases) => cases.dialect);
    expect([...registered].sort(), 'register each dialect\'s cases in test/dialects/adapter-cases-by-dialect.ts').toEqual(implemented.sort());
  });
});

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function serve(reply: WireReply): void {
  server.handle(wireReplyHandler(reply));
}

const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'developer' as const, content: 'Answer in one word.' },
  { role: 'user' as const, content: 'Capital of France?' },
];
const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];

function clientFor(cases: AdapterCases) {
  const extra = cases.clientOptions?.(server.url) ?? {};
  return createClient({
    ...extra,
    maxRetries: 0,
    providers: { ...extra.providers, [cases.providerId]: { ...extra.providers?.[cases.providerId], baseURL: server.url } },
  });
}

/** Folds stream chunks into one message, merging tool-call deltas by index. */
function foldChunks(chunks: readonly ChatCompletionChunk[]) {
  let content: string | null = null;
  let reasoning = '';
  let finishReason: string | null = null;
  let usage: ChatCompletionChunk['usage'];
  const calls = new Map<number, { id?: string; name: string; arguments: string }>();
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      const delta = choice.delta ?? {};
      if (typeof delta.content === 'string' && delta.content !== '') content = (content ?? '') + delta.content;
      if (typeof delta.reasoning_content === 'string') reasoning += delta.reasoning_content;
      if (choice.finish_reason) finishReason = choice.finish_reason;
      for (const call of delta.tool_calls ?? []) {
        const index = call.index ?? 0;
        const current = calls.get(index) ?? { name: '', arguments: '' };
        if (call.id) current.id ??= call.id;
        if (call.function?.name) current.name += call.function.name;
        if (call.function?.arguments) current.arguments += call.function.arguments;
        calls.set(index, current);
      }
    }
  }
  return { content, reasoning, finishReason, usage, toolCalls: [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call) };
}

function checkResult(actual: ReturnType<typeof foldChunks>, expected: ExpectedChat): void {
  expect(actual.content).toBe(expected.content);
  expect(actual.finishReason).toBe(expected.finishReason);
  if (expected.usage) expect(actual.usage).toMatchObject(expected.usage);
  if (expected.reasoning !== undefined) expect(actual.reasoning).toBe(expected.reasoning);
  if (expected.toolCalls) {
    expect(actual.toolCalls).toHaveLength(expected.toolCalls.length);
    expected.toolCalls.forEach((call, index) => {
      const got = actual.toolCalls[index];
      expect(got?.name).toBe(call.name);
      expect(JSON.parse(got?.arguments ?? 'null')).toEqual(call.arguments);
      if (call.id !== undefined) expect(got?.id).toBe(call.id);
      else expect(got?.id).toEqual(expect.any(String));
    });
  }
}

function fromResponse(response: ChatCompletionResponse) {
  const message = response.choices[0]?.message;
  return {
    content: message?.content ?? null,
    reasoning: message?.reasoning_content ?? '',
    finishReason: response.choices[0]?.finish_reason ?? null,
    usage: response.usage ?? undefined,
    toolCalls: (message?.tool_calls ?? []).map((call) => ({ id: call.id ?? undefined, name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' })),
  };
}

async function failure(action: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await action().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error), `expected a LiterLlmError, got ${String(error)}`).toBe(true);
  return error as Record<string, unknown>;
}

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const SCENARIOS: AdapterScenario[] = ['text', 'toolCall', 'textStream', 'toolCallStream', 'truncatedStream', 'streamWithoutStop', 'streamError', 'urlCitations', 'urlCitationsStream', 'authError', 'rateLimitError', 'contextWindowError', 'embeddingWithoutUsage', 'modelsWithoutCreated'];

describe.each(
  allCases.map((cases) => [cases.providerId === cases.dialect ? cases.dialect : `${cases.dialect} (${cases.providerId})`, cases] as const),
)('adapter suite: %s', (_dialect, cases) => {
  const model = `${cases.providerId}/${cases.model}`;
  const run = (scenario: AdapterScenario, body: () => Promise<void>) => {
    const skip = cases.skips?.[scenario];
    const present = cases[scenario] !== undefined;
    if (skip !== undefined) it.skip(`${scenario} (skipped: ${skip})`, body);
    else it(scenario, async () => {
      expect(present, `${cases.dialect} gives no "${scenario}" case and lists no skip reason`).toBe(true);
      await body();
    });
  };

  run('text', async () => {
    const text = cases.text!;
    serve(text.reply);
    const response = await clientFor(cases).chat({ model, messages, temperature: 0.2, max_tokens: 50, stop: ['END'] });
    text.checkRequest(server.requests[0]!);
    checkResult(fromResponse(response), text.expected);
  });

  run('toolCall', async () => {
    const toolCall = cases.toolCall!;
    serve(toolCall.reply);
    const response = await clientFor(cases).chat({ model, messages, tools, tool_choice: 'auto' });
    toolCall.checkRequest(server.requests[0]!);
    checkResult(fromResponse(response), toolCall.expected);
  });

  run('textStream', async () => {
    const textStream = cases.textStream!;
    serve(textStream.reply);
    const chunks = await collect(clientFor(cases).chatStream({ model, messages, temperature: 0.2, max_tokens: 50 }));
    textStream.checkRequest?.(server.requests[0]!);
    for (const chunk of chunks) expect(chunk.object).toBe('chat.completion.chunk');
    checkResult(foldChunks(chunks), textStream.expected);
  });

  run('toolCallStream', async () => {
    const toolCallStream = cases.toolCallStream!;
    serve(toolCallStream.reply);
    const chunks = await collect(clientFor(cases).chatStream({ model, messages, tools }));
    checkResult(foldChunks(chunks), toolCallStream.expected);
  });

  run('truncatedStream', async () => {
    const truncated = cases.truncatedStream!;
    serve(truncated.reply);
    const error = await failure(() => collect(clientFor(cases).chatStream({ model, messages })));
    expect(error).toMatchObject({ kind: 'Stream', partialContent: truncated.partialContent });
  });

  run('streamWithoutStop', async () => {
    const withoutStop = cases.streamWithoutStop!;
    serve(withoutStop.reply);
    const error = await failure(() => collect(clientFor(cases).chatStream({ model, messages })));
    expect(error).toMatchObject({ kind: 'Stream', partialContent: withoutStop.partialContent });
  });

  run('streamError', async () => {
    const streamError = cases.streamError!;
    serve(streamError.reply);
    const error = await failure(() => collect(clientFor(cases).chatStream({ model, messages })));
    expect(error.kind).toBe(streamError.kind);
  });

  /** The annotations as (url, cited text) pairs, each checked to be a url_citation with integer indexes. */
  const citationsOf = (response: ChatCompletionResponse) => {
    const message = response.choices[0]?.message;
    const content = typeof message?.content === 'string' ? message.content : '';
    return (message?.annotations ?? []).map((annotation) => {
      expect(annotation.type).toBe('url_citation');
      const { start_index: start, end_index: end, url } = annotation.url_citation ?? {};
      expect(Number.isInteger(start) && Number.isInteger(end), `start_index ${String(start)}, end_index ${String(end)}`).toBe(true);
      expect(0 <= start! && start! <= end! && end! <= content.length).toBe(true);
      return { url, cited: content.slice(start, end) };
    });
  };

  run('urlCitations', async () => {
    const citations = cases.urlCitations!;
    serve(citations.reply);
    const response = await clientFor(cases).chat({ model, messages });
    expect(response.choices[0]?.message.content).toBe(citations.content);
    expect(citationsOf(response)).toEqual(citations.citations);
  });

  run('urlCitationsStream', async () => {
    const citations = cases.urlCitationsStream!;
    serve(citations.reply);
    const accumulator = createChatStreamAccumulator();
    for await (const chunk of clientFor(cases).chatStream({ model, messages })) accumulator.add(chunk);
    const response = convertAssembledChatStreamToResponse(accumulator.result());
    expect(response.choices[0]?.message.content).toBe(citations.content);
    expect(citationsOf(response)).toEqual(citations.citations);
  });

  const errorScenarios: Array<[AdapterScenario, string, number]> = [
    ['authError', 'Authentication', 401],
    ['rateLimitError', 'RateLimited', 429],
    ['contextWindowError', 'ContextWindowExceeded', 400],
  ];
  for (const [scenario, kind] of errorScenarios) {
    run(scenario, async () => {
      const reply = cases[scenario] as WireReply;
      serve(reply);
      const error = await failure(() => clientFor(cases).chat({ model, messages }));
      expect(error).toMatchObject({ kind, status: reply.status, provider: cases.providerId });
    });
  }

  run('embeddingWithoutUsage', async () => {
    const embedding = cases.embeddingWithoutUsage!;
    serve(embedding.reply);
    const response = await clientFor(cases).embed({ model: `${cases.providerId}/${embedding.model ?? cases.model}`, input: 'hello' });
    expect(response.data.length).toBeGreaterThan(0);
    expect(response.usage).toEqual({ prompt_tokens: 0, total_tokens: 0 });
    expect(callInfo(response).warnings).toContain(`${cases.providerId} reports no token usage for embeddings: usage is zeros, not counts`);
  });

  run('modelsWithoutCreated', async () => {
    serve(cases.modelsWithoutCreated!);
    const list = await clientFor(cases).listModels({ provider: cases.providerId as never });
    expect(list.data.length).toBeGreaterThan(0);
    for (const entry of list.data) expect(entry.created, entry.id).toBe(0);
  });

  it('lists a reason for every skipped scenario', () => {
    for (const scenario of SCENARIOS) {
      if (cases[scenario] === undefined) expect(cases.skips?.[scenario], scenario).toEqual(expect.any(String));
    }
  });
});
