import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BadRequestError, ConfigurationError, createClient, isLiterLlmError } from '../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

/**
 * Issue 11 §8: a bad argument is a rejected promise (a stream's first iteration fails) with a
 * typed error naming the field, never a synchronous throw nor a raw TypeError or RangeError, and
 * nothing reaches the server or spends a middleware's budget.
 */
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer(sendJson(200, chatResponse('should not be reached')));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const aws = { accessKeyId: 'AKIAEXAMPLEKEY0001', secretAccessKey: 'secret-access-key-example-0001', region: 'us-east-1' };
let hookCalls = 0;
const client = () =>
  createClient({
    maxRetries: 0,
    providers: {
      openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-openai-test-key' },
      anthropic: { baseURL: server.url, apiKey: 'sk-ant-test-key' },
      gemini: { baseURL: server.url, apiKey: 'AIza-test-key' },
      bedrock: { baseURL: server.url, aws },
    },
    hooks: [{ onRequest: ({ request }) => ((hookCalls += 1), request) }],
  });

const user = [{ role: 'user' as const, content: 'hi' }];

/** Calls `run` and returns what it threw or rejected with; fails if it threw synchronously. */
async function rejection(run: () => unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    throw new Error(`threw synchronously instead of rejecting: ${String(error)}`);
  }
  if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
    return (async () => {
      for await (const _ of result as AsyncIterable<unknown>) return 'yielded';
      return 'ended';
    })().then(
      (settled) => settled,
      (error: unknown) => error,
    );
  }
  expect(result).toBeInstanceOf(Promise);
  return (result as Promise<unknown>).then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

type Case = readonly [name: string, run: (c: ReturnType<typeof client>) => unknown, field: RegExp, kind?: 'BadRequest' | 'Configuration'];

const CHAT_MODELS = ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4-5', 'gemini/gemini-2.5-flash', 'bedrock/anthropic.claude-3-haiku-20240307-v1:0'];

const cases: Case[] = [
  ...CHAT_MODELS.flatMap((model): Case[] => [
    [`${model}: messages null`, (c) => c.chat({ model, messages: null } as never), /messages/],
    [`${model}: messages not an array`, (c) => c.chat({ model, messages: 'hi' } as never), /messages/],
    [`${model}: messages empty`, (c) => c.chat({ model, messages: [] }), /messages/],
    [`${model}: a message null`, (c) => c.chat({ model, messages: [null] } as never), /messages\[0\]/],
    [`${model}: bad role`, (c) => c.chat({ model, messages: [{ role: 'wizard', content: 'x' }] } as never), /messages\[0\]\.role/],
    [`${model}: NaN temperature`, (c) => c.chat({ model, messages: user, temperature: Number.NaN } as never), /temperature/],
    [`${model}: Infinity max_tokens`, (c) => c.chat({ model, messages: user, max_tokens: Infinity } as never), /max_tokens/],
    [`${model}: tools not an array`, (c) => c.chat({ model, messages: user, tools: {} } as never), /tools/],
    [`${model}: tool without a function`, (c) => c.chat({ model, messages: user, tools: [{ type: 'function' }] } as never), /tools\[0\]/],
    [`${model}: tool function without a name`, (c) => c.chat({ model, messages: user, tools: [{ type: 'function', function: {} }] } as never), /tools\[0\]\.function/],
    [`${model}: chatStream messages null`, (c) => c.chatStream({ model, messages: null } as never), /messages/],
    [`${model}: chatStream bad role`, (c) => c.chatStream({ model, messages: [{ role: 7, content: 'x' }] } as never), /messages\[0\]\.role/],
  ]),
  ['model empty', (c) => c.chat({ model: '', messages: user } as never), /model/, 'Configuration'],
  ['model not a string', (c) => c.chat({ model: 42, messages: user } as never), /model/, 'Configuration'],
  ['model missing', (c) => c.chat({ messages: user } as never), /model/, 'Configuration'],
  ['model ..', (c) => c.chat({ model: 'openai/..', messages: user } as never), /model/],
  ['model .', (c) => c.chat({ model: 'openai/.', messages: user } as never), /model/],
  ['model with a .. segment', (c) => c.chat({ model: 'openai/../files', messages: user } as never), /model/],
  ['per-provider model ..', (c) => c.provider('openai').chat({ model: '..', messages: user } as never), /model/],
  ['chatStream model ..', (c) => c.chatStream({ model: 'openai/..', messages: user }), /model/],
  ['request null', (c) => c.chat(null as never), /request/, 'Configuration'],
  ['chatStream request null', (c) => c.chatStream(null as never), /request/, 'Configuration'],
  ['embed input missing', (c) => c.embed({ model: 'openai/text-embedding-3-small' } as never), /input/],
  ['embed NaN dimensions', (c) => c.embed({ model: 'openai/text-embedding-3-small', input: 'x', dimensions: Number.NaN } as never), /dimensions/],
  ['completion prompt missing', (c) => c.completion({ model: 'openai/gpt-3.5-turbo-instruct' } as never), /prompt/],
  ['imageGenerate prompt a number', (c) => c.imageGenerate({ model: 'openai/dall-e-3', prompt: 3 } as never), /prompt/],
  ['moderate input missing', (c) => c.moderate({ model: 'openai/omni-moderation-latest' } as never), /input/],
  ['responses.create model ..', (c) => c.responses.create({ model: 'openai/..', input: 'x' } as never), /model/],
  ['responses.create stream, input a number', (c) => c.responses.create({ model: 'openai/gpt-4o', input: 5, stream: true } as never), /input/],
  ['batches.create endpoint missing', (c) => c.batches.create({ input_file_id: 'file-1', completion_window: '24h' } as never), /endpoint/],
  ['files.retrieve ..', (c) => c.files.retrieve('..'), /fileId/],
  ['files.retrieve .', (c) => c.files.retrieve('.'), /fileId/],
  ['files.content ..', (c) => c.files.content('..'), /fileId/],
  ['files.delete ../x', (c) => c.files.delete('../x'), /fileId/],
  ['batches.retrieve ..', (c) => c.batches.retrieve('..'), /batchId/],
  ['batches.cancel ..', (c) => c.batches.cancel('..'), /batchId/],
  ['responses.retrieve ..', (c) => c.responses.retrieve('..'), /responseId/],
  ['responses.cancel .', (c) => c.responses.cancel('.'), /responseId/],
  ['files.retrieve a number', (c) => c.files.retrieve(7 as never), /fileId/, 'Configuration'],
  ['tags not an array', (c) => c.chat({ model: 'openai/gpt-4o', messages: user } as never, { tags: 'user:1' } as never), /options\.tags/, 'Configuration'],
  ['tags holding a number', (c) => c.chat({ model: 'openai/gpt-4o', messages: user } as never, { tags: [1] } as never), /options\.tags/, 'Configuration'],
  ['signal not an AbortSignal', (c) => c.chat({ model: 'openai/gpt-4o', messages: user } as never, { signal: {} } as never), /options\.signal/, 'Configuration'],
  ['headers not a record', (c) => c.chat({ model: 'openai/gpt-4o', messages: user } as never, { headers: 'x' } as never), /options\.headers/, 'Configuration'],
  ['a header value not a string', (c) => c.chat({ model: 'openai/gpt-4o', messages: user } as never, { headers: { 'x-a': 1 } } as never), /options\.headers\["x-a"\]/, 'Configuration'],
  ['unknown call option', (c) => c.chat({ model: 'openai/gpt-4o', messages: user } as never, { timeout: 5 } as never), /options\.timeout\b/, 'Configuration'],
  ['unknown option on files.list', (c) => c.files.list({}, { providr: 'openai' } as never), /options\.providr/, 'Configuration'],
  ['chatStream unknown call option', (c) => c.chatStream({ model: 'openai/gpt-4o', messages: user } as never, { tag: ['a'] } as never), /options\.tag\b/, 'Configuration'],
  ['listModels unknown provider', (c) => c.listModels({ provider: 'nope' as never }), /nope/, 'Configuration'],
  ['listModels unknown call option', (c) => c.listModels({ provider: 'openai' }, { tags: 3 } as never), /options\.tags/, 'Configuration'],
];

describe('bad input gets a clear error, before sending', () => {
  const table = cases.map(([name, run, field, kind = 'BadRequest']) => ({ name, run, field, kind }));
  it.each(table)('$name: a rejected promise with a typed error naming the field; nothing sent', async ({ run, field, kind }) => {
    hookCalls = 0;
    const error = await rejection(() => run(client()));
    expect(isLiterLlmError(error), String(error)).toBe(true);
    expect(error).toBeInstanceOf(kind === 'BadRequest' ? BadRequestError : ConfigurationError);
    expect((error as Error).message).toMatch(field);
    expect((error as { retryable: boolean }).retryable).toBe(false);
    expect(server.requests).toHaveLength(0);
    expect(hookCalls).toBe(0);
  });

  it('names the failing field as the caller wrote it', async () => {
    const error = await rejection(() =>
      client().chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'a' }, { role: 'boss', content: 'b' }] } as never),
    );
    expect((error as Error).message).toMatch(/^chat\(request\): messages\[1\]\.role /);
  });

  it('never prints the value it refused (it may hold a secret)', async () => {
    const error = await rejection(() =>
      client().chat({ model: 'openai/gpt-4o', messages: [{ role: 'sk-live-secret-role-value', content: 'x' }] } as never),
    );
    expect((error as Error).message).not.toContain('sk-live-secret-role-value');
  });

  it.each(['anthropic/claude-sonnet-4-5', 'gemini/gemini-2.5-flash', 'bedrock/anthropic.claude-3-haiku-20240307-v1:0'])(
    '%s: a request a hook broke after the check is a BadRequestError naming the provider, not a raw TypeError',
    async (model) => {
      const broken = createClient({
        maxRetries: 0,
        providers: {
          anthropic: { baseURL: server.url, apiKey: 'sk-ant-test-key' },
          gemini: { baseURL: server.url, apiKey: 'AIza-test-key' },
          bedrock: { baseURL: server.url, aws },
        },
        hooks: [{ onRequest: ({ request }) => ({ ...(request as object), messages: null }) as never }],
      });
      const error = await rejection(() => broken.chat({ model, messages: user }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as Error).message).toMatch(new RegExp(`^chat\\(request\\): ${model.split('/')[0]} cannot convert`));
      expect(server.requests).toHaveLength(0);
    },
  );

  it("leaves numeric ranges to the provider, whose ranges differ: temperature 5 is sent and its 400 comes back", async () => {
    server.handle(sendJson(400, { error: { message: 'temperature must be between 0 and 2', type: 'invalid_request_error' } }));
    try {
      const error = await rejection(() => client().chat({ model: 'openai/gpt-4o', messages: user, temperature: 5 }));
      expect(error).toMatchObject({ name: 'BadRequestError', status: 400 });
      expect(server.requests).toHaveLength(1);
    } finally {
      server.handle(sendJson(200, chatResponse('should not be reached')));
    }
  });

  it('lets a valid call through, with the hooks run once', async () => {
    hookCalls = 0;
    const reply = await client().chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }], temperature: 0.5 });
    expect(reply.choices[0]?.message.content).toBe('should not be reached');
    expect(server.requests).toHaveLength(1);
    expect(hookCalls).toBe(1);
  });
});
