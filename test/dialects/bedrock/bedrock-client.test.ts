// End to end through createClient: requests go to the loopback mock server (per-provider baseURL)
// or, where the real AWS host name matters (region checks), to a stub `fetch` that never leaves
// the process.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, isLiterLlmError, type ChatCompletionChunk } from '../../../src/index.js';
import { startMockServer, type MockServer } from '../../support/mock-server.js';
import { BEDROCK_TEST_CREDENTIALS } from './bedrock-cases.js';
import { concatFrames, eventFrame } from './event-stream-frames.js';
import { checkSigV4 } from './verify-sigv4.js';

const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const AWS_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK', 'AWS_REGION', 'AWS_DEFAULT_REGION'];
const CONVERSE_OK = {
  output: { message: { role: 'assistant', content: [{ text: 'Paris.' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 12, outputTokens: 2, totalTokens: 14 },
};

let server: MockServer;
const savedEnv: Record<string, string | undefined> = {};
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  // The machine's own AWS settings must not leak into these tests.
  for (const name of AWS_VARIABLES) {
    savedEnv[name] = process.env[name];
    delete process.env[name];
  }
});
afterEach(() => {
  for (const name of AWS_VARIABLES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

function serveJson(body: unknown, status = 200, headers: Record<string, string> = {}): void {
  server.handle((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  });
}

/** Sends the body in pieces of `size` bytes, pausing between them, as a slow network would. */
function serveInPieces(body: Uint8Array, size: number): void {
  server.handle(async (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream' });
    for (let offset = 0; offset < body.length; offset += size) {
      response.write(body.subarray(offset, offset + size));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    response.end();
  });
}

const signedClient = (aws: Record<string, string> = { ...BEDROCK_TEST_CREDENTIALS }) =>
  createClient({ maxRetries: 0, providers: { bedrock: { baseURL: server.url, aws } } });

async function failure(action: () => Promise<unknown>): Promise<Record<string, unknown> & Error> {
  const error = await action().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error), String(error)).toBe(true);
  return error as Record<string, unknown> & Error;
}

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('bedrock through createClient', () => {
  it('signs with temporary credentials: the session token is sent and covered by the signature', async () => {
    serveJson(CONVERSE_OK);
    const client = signedClient({ ...BEDROCK_TEST_CREDENTIALS, sessionToken: 'FwoGZXIvYXdzEXAMPLE//token' });
    const reply = await client.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Capital of France?' }], seed: 1 });
    expect(reply.choices[0]?.message.content).toBe('Paris.');
    expect(reply.usage).toEqual({ prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 });
    expect(callInfo(reply).warnings).toEqual(["seed is not supported by Bedrock's Converse API and was dropped"]);
    const request = server.requests[0]!;
    expect(request.path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse');
    expect(request.headers['x-amz-security-token']).toBe('FwoGZXIvYXdzEXAMPLE//token');
    const check = checkSigV4(request, BEDROCK_TEST_CREDENTIALS.secretAccessKey, 'us-west-2', 'bedrock');
    expect(check.signedHeaders).toBe('host;x-amz-date;x-amz-security-token');
    expect(check.actualSignature).toBe(check.expectedSignature);
  });

  it('signs with the AWS environment variables when no option names credentials', async () => {
    process.env.AWS_ACCESS_KEY_ID = BEDROCK_TEST_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = BEDROCK_TEST_CREDENTIALS.secretAccessKey;
    process.env.AWS_DEFAULT_REGION = 'eu-central-1';
    serveJson(CONVERSE_OK);
    const client = createClient({ maxRetries: 0, apiKey: 'sk-meant-for-openai', providers: { bedrock: { baseURL: server.url } } });
    await client.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] });
    const request = server.requests[0]!;
    const check = checkSigV4(request, BEDROCK_TEST_CREDENTIALS.secretAccessKey, 'eu-central-1', 'bedrock');
    expect(check.credentialScope).toMatch(/\/eu-central-1\/bedrock\/aws4_request$/);
    expect(check.actualSignature).toBe(check.expectedSignature);
  });

  it('sends a Bedrock API key as a bearer token', async () => {
    serveJson(CONVERSE_OK);
    const client = createClient({ maxRetries: 0, providers: { bedrock: { baseURL: server.url, apiKey: 'ABSKQmVkcm9ja0FQSUtleQ==' } } });
    await client.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer ABSKQmVkcm9ja0FQSUtleQ==');
    expect(server.requests[0]?.headers['x-amz-date']).toBeUndefined();
  });

  it('without credentials fails with an AuthenticationError before sending anything', async () => {
    const client = createClient({ maxRetries: 0, providers: { bedrock: { baseURL: server.url } } });
    const error = await failure(() => client.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] }));
    expect(error.kind).toBe('Authentication');
    expect(error.message).toContain('AWS_ACCESS_KEY_ID');
    expect(server.requests).toHaveLength(0);
  });

  it('reassembles a ConverseStream response that arrives a few bytes at a time', async () => {
    serveInPieces(
      concatFrames([
        eventFrame('messageStart', { role: 'assistant' }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Easy one.' } } }),
        eventFrame('contentBlockStop', { contentBlockIndex: 0 }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 1, delta: { text: 'Bonjour, ' } }),
        eventFrame('contentBlockDelta', { contentBlockIndex: 1, delta: { text: 'Paris! 🗼' } }),
        eventFrame('messageStop', { stopReason: 'end_turn' }),
        eventFrame('metadata', { usage: { inputTokens: 9, outputTokens: 8, totalTokens: 17 } }),
      ]),
      7,
    );
    const stream = signedClient().chatStream({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'low' });
    const chunks = await collect(stream);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Bonjour, Paris! 🗼');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.reasoning_content ?? '').join('')).toBe('Easy one.');
    expect(callInfo(stream).usage).toEqual({ prompt_tokens: 9, completion_tokens: 8, total_tokens: 17 });
    expect(server.requests[0]?.path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream');
    expect(server.requests[0]?.body).toMatchObject({ additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2048 } } });
  });

  it('a frame with a bad CRC ends the stream with a StreamError keeping the text so far', async () => {
    const bad = eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'is.' } });
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    serveInPieces(concatFrames([eventFrame('messageStart', { role: 'assistant' }), eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Par' } }), bad]), 1024);
    const error = await failure(() => collect(signedClient().chatStream({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] })));
    expect(error).toMatchObject({ kind: 'Stream', partialContent: 'Par', provider: 'bedrock' });
    expect(String(error.cause)).toContain('message CRC mismatch');
  });

  it('answers response_format with the JSON the model gave its answer tool', async () => {
    serveJson({
      output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_x', name: 'respond_in_json', input: { city: 'Paris', country: 'France' } } }] } },
      stopReason: 'tool_use',
      usage: { inputTokens: 30, outputTokens: 12, totalTokens: 42 },
    });
    const reply = await signedClient().chat({
      model: `bedrock/${MODEL}`,
      messages: [{ role: 'user', content: 'Where is the Eiffel Tower?' }],
      response_format: { type: 'json_schema', json_schema: { name: 'place', schema: { type: 'object', properties: { city: { type: 'string' } } } } },
    });
    expect(JSON.parse(reply.choices[0]?.message.content ?? 'null')).toEqual({ city: 'Paris', country: 'France' });
    expect(reply.choices[0]?.finish_reason).toBe('stop');
    expect(server.requests[0]?.body).toMatchObject({ toolConfig: { toolChoice: { tool: { name: 'respond_in_json' } } } });
  });

  it('maps Bedrock error bodies, with the retry delay AWS asks for', async () => {
    serveJson({ message: 'Too many requests, please wait before trying again.' }, 429, { 'retry-after': '3', 'x-amzn-errortype': 'ThrottlingException' });
    const error = await failure(() => signedClient().chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] }));
    expect(error).toMatchObject({ kind: 'RateLimited', status: 429, retryAfterMs: 3000, retryable: true });
    serveJson({ message: 'Model is not ready for inference. Wait and try your request again.' }, 429);
    expect((await failure(() => signedClient().chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] }))).kind).toBe('ServiceUnavailable');
  });

  it('embeds with Titan through the signed InvokeModel path', async () => {
    serveJson({ embedding: [0.25, -0.5, 0.75], inputTextTokenCount: 4 });
    const reply = await signedClient().embed({ model: 'bedrock/amazon.titan-embed-text-v2:0', input: 'Hello world', dimensions: 256 });
    expect(reply.data).toEqual([{ object: 'embedding', index: 0, embedding: [0.25, -0.5, 0.75] }]);
    expect(reply.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
    const request = server.requests[0]!;
    expect(request.path).toBe('/model/amazon.titan-embed-text-v2%3A0/invoke');
    expect(request.body).toEqual({ inputText: 'Hello world', dimensions: 256 });
    const check = checkSigV4(request, BEDROCK_TEST_CREDENTIALS.secretAccessKey, 'us-west-2', 'bedrock');
    expect(check.actualSignature).toBe(check.expectedSignature);
  });

  it('embeds a batch with Cohere', async () => {
    serveJson({ embeddings: [[0.1], [0.2]], id: 'emb-1', response_type: 'embeddings_floats', texts: ['a', 'b'] });
    const reply = await signedClient().embed({ model: 'bedrock/cohere.embed-multilingual-v3', input: ['a', 'b'], extra_body: { input_type: 'search_query' } });
    expect(reply.data.map((item) => item.embedding)).toEqual([[0.1], [0.2]]);
    expect(server.requests[0]?.body).toEqual({ texts: ['a', 'b'], input_type: 'search_query' });
  });
});

describe('bedrock regions, against the real host name (stub fetch, nothing leaves the process)', () => {
  function stubFetch(seen: string[]): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      seen.push(`${request.url} ${request.headers.get('authorization') ?? ''}`);
      return new Response(JSON.stringify(CONVERSE_OK), { status: 200, headers: { 'content-type': 'application/json' } });
    };
  }

  it('puts the region in the host and in the signature', async () => {
    const seen: string[] = [];
    const client = createClient({
      maxRetries: 0,
      fetch: stubFetch(seen),
      providers: { bedrock: { urlVariables: { region: 'eu-west-3' }, aws: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } } },
    });
    await client.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] });
    expect(seen[0]).toMatch(
      /^https:\/\/bedrock-runtime\.eu-west-3\.amazonaws\.com\/model\/anthropic\.claude-3-5-sonnet-20240620-v1%3A0\/converse AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/bedrock\/aws4_request, /,
    );
  });

  it('uses us-east-1 when nothing names a region, and refuses a region the host does not match', async () => {
    const seen: string[] = [];
    const defaults = createClient({ maxRetries: 0, fetch: stubFetch(seen), providers: { bedrock: { aws: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } } } });
    await defaults.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] });
    expect(seen[0]).toContain('https://bedrock-runtime.us-east-1.amazonaws.com/');
    expect(seen[0]).toContain('/us-east-1/bedrock/aws4_request');

    const mismatched = createClient({
      maxRetries: 0,
      fetch: stubFetch(seen),
      providers: { bedrock: { aws: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', region: 'eu-west-1' } } },
    });
    const error = await failure(() => mismatched.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] }));
    expect(error.kind).toBe('Configuration');
    expect(error.message).toContain('providers.bedrock.urlVariables.region');
    expect(seen).toHaveLength(1);
  });

  it('AWS_REGION fills the host and the signature alike', async () => {
    process.env.AWS_REGION = 'ap-southeast-2';
    const seen: string[] = [];
    const client = createClient({ maxRetries: 0, fetch: stubFetch(seen), providers: { bedrock: { aws: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } } } });
    await client.chat({ model: `bedrock/${MODEL}`, messages: [{ role: 'user', content: 'Hi' }] });
    expect(seen[0]).toContain('https://bedrock-runtime.ap-southeast-2.amazonaws.com/');
    expect(seen[0]).toContain('/ap-southeast-2/bedrock/aws4_request');
  });
});
