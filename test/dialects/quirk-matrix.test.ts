// Every registry quirk on every implemented dialect, proven on the wire: a custom provider per
// dialect pointing at the loopback mock server, one real client call per quirk, and assertions on
// the body (and headers or URL) the server received, in the place the native format puts it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDialectImplemented } from '../../src/dialects/load-dialect.js';
import { callInfo, createClient, isLiterLlmError } from '../../src/index.js';
import { startMockServer, type MockServer, type RecordedRequest } from '../support/mock-server.js';
import { BEDROCK_TEST_CREDENTIALS } from './bedrock/bedrock-cases.js';
import { checkSigV4 } from './bedrock/verify-sigv4.js';

type Body = Record<string, any>;

interface DialectCase {
  readonly dialect: string;
  readonly model: string;
  readonly endpoints: Record<string, { path: string }>;
  readonly auth: Record<string, unknown>;
  /** Provider options for createClient (key, credentials). */
  readonly options: Record<string, unknown>;
  /** A whole chat response in the dialect's own format. */
  readonly reply: unknown;
  readonly temperature: (body: Body) => unknown;
  readonly topP: (body: Body) => unknown;
  readonly maxTokens: (body: Body) => unknown;
  /** The text of the system message when it went out as a system prompt, else undefined. */
  readonly systemPrompt: (body: Body) => unknown;
  /** The role and text of the first turn. */
  readonly firstTurn: (body: Body) => { role: unknown; text: unknown };
  /** Whether the stream request asks for usage on the wire (OpenAI's stream_options). */
  readonly streamUsageOnWire: boolean;
}

/** Role and text of the first message, whose content is a string or a list of text blocks. */
function firstTextTurn(messages: Body[]): { role: unknown; text: unknown } {
  const content = messages[0]?.content;
  return { role: messages[0]?.role, text: typeof content === 'string' ? content : content?.[0]?.text };
}

const OPENAI_REPLY = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
};
const GEMINI_REPLY = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'ok' }] }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 1, totalTokenCount: 6 },
  modelVersion: 'gemini-2.5-flash',
};
const openAiShape = {
  temperature: (body: Body) => body.temperature,
  topP: (body: Body) => body.top_p,
  maxTokens: (body: Body) => body.max_tokens,
  systemPrompt: (body: Body) => body.messages.find((message: Body) => message.role === 'system')?.content,
  firstTurn: (body: Body) => ({ role: body.messages[0].role, text: body.messages[0].content }),
  streamUsageOnWire: true,
};
const geminiShape = {
  temperature: (body: Body) => body.generationConfig?.temperature,
  topP: (body: Body) => body.generationConfig?.topP,
  maxTokens: (body: Body) => body.generationConfig?.maxOutputTokens,
  systemPrompt: (body: Body) => body.systemInstruction?.parts?.[0]?.text,
  firstTurn: (body: Body) => ({ role: body.contents[0].role, text: body.contents[0].parts[0].text }),
  streamUsageOnWire: false,
};

const DIALECTS: readonly DialectCase[] = [
  {
    dialect: 'openai',
    model: 'm-1',
    endpoints: { chat: { path: '/v1/chat/completions' } },
    auth: { scheme: 'bearer', envVar: 'MATRIX_OPENAI_KEY' },
    options: { apiKey: 'sk-matrix' },
    reply: OPENAI_REPLY,
    ...openAiShape,
  },
  {
    dialect: 'azure',
    model: 'deployment-1',
    endpoints: { chat: { path: '/openai/deployments/{model}/chat/completions?api-version=2024-10-21' } },
    auth: { scheme: 'header', header: 'api-key', envVar: 'MATRIX_AZURE_KEY' },
    options: { apiKey: 'azure-matrix' },
    reply: OPENAI_REPLY,
    ...openAiShape,
  },
  {
    dialect: 'anthropic',
    model: 'claude-sonnet-4-5',
    endpoints: { chat: { path: '/v1/messages' } },
    auth: { scheme: 'header', header: 'x-api-key', envVar: 'MATRIX_ANTHROPIC_KEY' },
    options: { apiKey: 'sk-ant-matrix' },
    reply: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'ok' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 5, output_tokens: 1 },
    },
    temperature: (body) => body.temperature,
    topP: (body) => body.top_p,
    maxTokens: (body) => body.max_tokens,
    systemPrompt: (body) => body.system?.[0]?.text,
    firstTurn: (body) => firstTextTurn(body.messages),
    streamUsageOnWire: false,
  },
  {
    dialect: 'bedrock',
    model: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    endpoints: { chat: { path: '/model/{model}/converse' } },
    auth: { scheme: 'bearer', envVar: 'MATRIX_BEDROCK_TOKEN' },
    // SigV4, so the signature over the final URL (query quirks included) is checked too.
    options: { aws: { ...BEDROCK_TEST_CREDENTIALS } },
    reply: {
      output: { message: { role: 'assistant', content: [{ text: 'ok' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 },
    },
    temperature: (body) => body.inferenceConfig?.temperature,
    topP: (body) => body.inferenceConfig?.topP,
    maxTokens: (body) => body.inferenceConfig?.maxTokens,
    systemPrompt: (body) => body.system?.[0]?.text,
    firstTurn: (body) => ({ role: body.messages[0].role, text: body.messages[0].content[0].text }),
    streamUsageOnWire: false,
  },
  {
    dialect: 'gemini',
    model: 'gemini-2.5-flash',
    endpoints: { chat: { path: '/models/{model}:generateContent' } },
    auth: { scheme: 'header', header: 'x-goog-api-key', envVar: 'MATRIX_GEMINI_KEY' },
    options: { apiKey: 'AIza-matrix' },
    reply: GEMINI_REPLY,
    ...geminiShape,
  },
  {
    dialect: 'vertex_ai',
    model: 'gemini-2.5-flash',
    endpoints: { chat: { path: '/publishers/google/models/{model}:generateContent' } },
    auth: { scheme: 'bearer', envVar: 'MATRIX_VERTEX_TOKEN' },
    options: { accessToken: 'ya29.matrix' },
    reply: GEMINI_REPLY,
    ...geminiShape,
  },
  {
    dialect: 'watsonx',
    model: 'ibm/granite-3-3-8b-instruct',
    endpoints: { chat: { path: '/ml/v1/text/chat' } },
    auth: { scheme: 'bearer', envVar: 'MATRIX_WATSONX_KEY' },
    options: { accessToken: 'wx-matrix', urlVariables: { project_id: 'proj-matrix' } },
    reply: { ...OPENAI_REPLY, object: undefined, model_id: 'ibm/granite-3-3-8b-instruct' },
    ...openAiShape,
    streamUsageOnWire: false,
  },
  {
    dialect: 'cohere',
    model: 'command-a-03-2025',
    endpoints: { chat: { path: '/v2/chat' } },
    auth: { scheme: 'bearer', envVar: 'MATRIX_COHERE_KEY' },
    options: { apiKey: 'co-matrix' },
    reply: {
      id: 'c-1',
      finish_reason: 'COMPLETE',
      message: { role: 'assistant', content: [{ type: 'text', text: 'ok' }] },
      usage: { billed_units: { input_tokens: 5, output_tokens: 1 }, tokens: { input_tokens: 5, output_tokens: 1 } },
    },
    temperature: (body) => body.temperature,
    topP: (body) => body.p,
    maxTokens: (body) => body.max_tokens,
    systemPrompt: (body) => body.messages.find((message: Body) => message.role === 'system')?.content,
    firstTurn: (body) => firstTextTurn(body.messages),
    streamUsageOnWire: false,
  },
  {
    dialect: 'ollama',
    model: 'llama3.2',
    endpoints: { chat: { path: '/api/chat' } },
    auth: { scheme: 'bearer', envVar: 'MATRIX_OLLAMA_KEY', optional: true },
    options: {},
    reply: {
      model: 'llama3.2',
      created_at: '2025-06-01T12:00:00Z',
      message: { role: 'assistant', content: 'ok' },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: 5,
      eval_count: 1,
    },
    temperature: (body) => body.options?.temperature,
    topP: (body) => body.options?.top_p,
    maxTokens: (body) => body.options?.num_predict,
    systemPrompt: (body) => body.messages.find((message: Body) => message.role === 'system')?.content,
    firstTurn: (body) => firstTextTurn(body.messages),
    streamUsageOnWire: false,
  },
  {
    dialect: 'predibase',
    model: 'deployment-1',
    endpoints: { chat: { path: '/{model}/v1/chat/completions' } },
    auth: { scheme: 'bearer', envVar: 'MATRIX_PREDIBASE_KEY' },
    options: { apiKey: 'pb-matrix' },
    reply: OPENAI_REPLY,
    ...openAiShape,
  },
];

/** Dialects that send OpenAI's body as it is: any parameter name reaches the wire. */
const OPENAI_SHAPED: ReadonlySet<string> = new Set(['openai', 'azure', 'predibase']);

it('covers every implemented dialect', () => {
  const schema = readFileSync(new URL('../../schemas/providers.schema.json', import.meta.url), 'utf8');
  const names = JSON.parse(/"dialect":\s*\{[^{}]*"enum":\s*(\[[^\]]*\])/.exec(schema)?.[1] ?? '[]') as string[];
  expect(names.length).toBeGreaterThan(DIALECTS.length);
  expect(names.filter((name) => isDialectImplemented(name)).sort()).toEqual(DIALECTS.map((dialect) => dialect.dialect).sort());
});

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function entry(dialect: DialectCase, quirks: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `matrix_${dialect.dialect}`,
    name: `Quirk matrix (${dialect.dialect})`,
    kind: 'hosted',
    dialect: dialect.dialect,
    baseURL: server.url,
    auth: dialect.auth,
    endpoints: dialect.endpoints,
    quirks,
  };
}

function clientFor(dialect: DialectCase, quirks: Record<string, unknown>) {
  const id = `matrix_${dialect.dialect}`;
  return createClient({ maxRetries: 0, customProviders: [entry(dialect, quirks)], providers: { [id]: dialect.options } });
}

async function chat(dialect: DialectCase, quirks: Record<string, unknown>, request: Record<string, unknown>) {
  server.handle((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(dialect.reply));
  });
  const client = clientFor(dialect, quirks);
  const response = await client.chat({ model: `matrix_${dialect.dialect}/${dialect.model}`, messages: [{ role: 'user', content: 'Hi' }], ...request } as never);
  const wire = server.requests.at(-1) as RecordedRequest;
  return { wire, body: wire.body as Body, warnings: callInfo(response).warnings };
}

describe.each(DIALECTS)('registry quirks on the $dialect dialect', (dialect) => {
  it('renameParams: { top_p: "temperature" } sends the value as the native temperature', async () => {
    const { body } = await chat(dialect, { renameParams: { top_p: 'temperature' } }, { top_p: 0.5 });
    expect(dialect.temperature(body)).toBe(0.5);
    expect(dialect.topP(body)).toBeUndefined();
  });

  it('dropParams: ["temperature"] leaves temperature off the wire and says so', async () => {
    const { body, warnings } = await chat(dialect, { dropParams: ['temperature'] }, { temperature: 0.3 });
    expect(dialect.temperature(body)).toBeUndefined();
    expect(warnings).toContain('dropped "temperature": the provider does not accept it');
  });

  it('roleMap: { system: "user" } sends the system text as a user turn', async () => {
    const { body } = await chat(dialect, { roleMap: { system: 'user' } }, {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'assistant', content: 'Sure.' },
        { role: 'user', content: 'Hi' },
      ],
    });
    expect(dialect.systemPrompt(body)).toBeUndefined();
    expect(dialect.firstTurn(body)).toEqual({ role: 'user', text: 'Be brief.' });
  });

  it('headers: sent on the wire', async () => {
    const { wire } = await chat(dialect, { headers: { 'X-Quirk': 'on' } }, {});
    expect(wire.headers['x-quirk']).toBe('on');
  });

  it('query: sent in the URL', async () => {
    const { wire } = await chat(dialect, { query: { quirk: 'on' } }, {});
    expect(wire.query.get('quirk')).toBe('on');
    if (dialect.dialect === 'bedrock') {
      const check = checkSigV4(wire, BEDROCK_TEST_CREDENTIALS.secretAccessKey, 'us-west-2', 'bedrock');
      expect(check.actualSignature).toBe(check.expectedSignature);
    }
  });

  it('defaultParams: { max_tokens: 100 } fills the native maximum when the call gives none', async () => {
    const { body } = await chat(dialect, { defaultParams: { max_tokens: 100 } }, {});
    expect(dialect.maxTokens(body)).toBe(100);
    const given = await chat(dialect, { defaultParams: { max_tokens: 100 } }, { max_tokens: 7 });
    expect(dialect.maxTokens(given.body)).toBe(7);
  });

  it('streamUsage: usage is asked for where the format needs asking, and arrives', async () => {
    server.handle((_request, response) => {
      // The server answers a stream request with a whole completion, which the client accepts.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(dialect.reply));
    });
    const client = clientFor(dialect, { streamUsage: true });
    const stream = client.chatStream({ model: `matrix_${dialect.dialect}/${dialect.model}`, messages: [{ role: 'user', content: 'Hi' }] });
    for await (const _chunk of stream) {
      // drain
    }
    const body = server.requests[0]?.body as Body;
    if (dialect.streamUsageOnWire) expect(body.stream_options).toEqual({ include_usage: true });
    else expect(body.stream_options).toBeUndefined();
    expect(callInfo(stream).usage?.total_tokens).toBe(6);
  });
});

describe('quirks a native dialect cannot express are rejected when the entry is checked', () => {
  const native = DIALECTS.filter((dialect) => !OPENAI_SHAPED.has(dialect.dialect));

  describe.each(native)('$dialect', (dialect) => {
    const rejects = (quirks: Record<string, unknown>, message: RegExp) => {
      let thrown: unknown;
      try {
        clientFor(dialect, quirks);
      } catch (error) {
        thrown = error;
      }
      expect(isLiterLlmError(thrown) && thrown.kind).toBe('Configuration');
      expect((thrown as Error).message).toMatch(message);
    };

    it('renameParams to a name the OpenAI request does not have', () => {
      rejects(
        { renameParams: { top_p: 'topP' } },
        new RegExp(`/quirks/renameParams/top_p renameParams "top_p" -> "topP": the ${dialect.dialect} dialect converts OpenAI parameters`),
      );
    });

    it('defaultParams with a name the OpenAI request does not have', () => {
      rejects({ defaultParams: { top_k: 40 } }, new RegExp(`/quirks/defaultParams/top_k defaultParams "top_k": the ${dialect.dialect} dialect converts OpenAI parameters`));
    });

    it('dropParams with a name the OpenAI request does not have', () => {
      rejects({ dropParams: ['top_k'] }, new RegExp(`/quirks/dropParams/0 dropParams "top_k": the ${dialect.dialect} dialect converts OpenAI parameters`));
    });
  });

  it('the OpenAI-shaped dialects send any name as it is', async () => {
    for (const dialect of DIALECTS.filter((each) => OPENAI_SHAPED.has(each.dialect))) {
      server.requests.length = 0;
      const { body } = await chat(dialect, { renameParams: { top_p: 'topP' }, defaultParams: { top_k: 40 } }, { top_p: 0.5 });
      expect(body).toMatchObject({ topP: 0.5, top_k: 40 });
    }
  });
});
