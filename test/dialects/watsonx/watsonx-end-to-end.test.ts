// Whole calls to watsonx through createClient: the IBM Cloud IAM exchange (WATSONX_IAM_URL) and
// the watsonx.ai API both go to one loopback server.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { sseBody, startMockServer, type MockServer } from '../../support/mock-server.js';

let server: MockServer;
let tokensIssued = 0;
/** Seconds from now at which issued tokens expire. */
let tokenLifetime = 3600;
let rejectFirst = 0;

const API_KEY = 'ibm-api-key-0123456789abcdef';

const CHAT_REPLY = {
  id: 'chatcmpl-1',
  model_id: 'ibm/granite-3-3-8b-instruct',
  model: 'ibm/granite-3-3-8b-instruct',
  created: 1767225600,
  model_version: '3.3.0',
  created_at: '2026-01-01T00:00:00.000Z',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
};

const STREAM_CHUNKS = [
  { id: 'c-1', model_id: 'ibm/granite-3-3-8b-instruct', created: 1, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
  { id: 'c-1', model_id: 'ibm/granite-3-3-8b-instruct', created: 1, choices: [{ index: 0, delta: { content: 'Par' }, finish_reason: null }] },
  {
    id: 'c-1',
    model_id: 'ibm/granite-3-3-8b-instruct',
    created: 1,
    choices: [{ index: 0, delta: { content: 'is.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
  },
];

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  tokensIssued = 0;
  tokenLifetime = 3600;
  rejectFirst = 0;
  vi.stubEnv('WATSONX_IAM_URL', `${server.url}/identity/token`);
  vi.stubEnv('WATSONX_API_KEY', '');
  vi.stubEnv('WATSONX_TOKEN', '');
  vi.stubEnv('WATSONX_PROJECT_ID', 'proj-env');
  server.handle((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.path === '/identity/token') {
      tokensIssued += 1;
      const now = Math.floor(Date.now() / 1000);
      return void response.end(
        JSON.stringify({ access_token: `iam-token-${tokensIssued}`, token_type: 'Bearer', expires_in: tokenLifetime, expiration: now + tokenLifetime }),
      );
    }
    if (rejectFirst > 0) {
      rejectFirst -= 1;
      response.statusCode = 401;
      return void response.end(JSON.stringify({ errors: [{ code: 'authentication_token_expired', message: 'Failed to authenticate the request due to an expired token' }], status_code: 401 }));
    }
    if (request.path.endsWith('/text/chat_stream')) {
      response.setHeader('content-type', 'text/event-stream');
      return void response.end(sseBody(STREAM_CHUNKS.map((chunk) => chunk), false));
    }
    if (request.path.endsWith('/text/chat')) return void response.end(JSON.stringify(CHAT_REPLY));
    if (request.path.endsWith('/text/embeddings')) {
      return void response.end(
        JSON.stringify({ model_id: 'ibm/slate-125m-english-rtrvr-v2', results: [{ embedding: [0.1, 0.2] }, { embedding: [0.3, 0.4] }], input_token_count: 6 }),
      );
    }
    if (request.path.endsWith('/text/rerank')) {
      return void response.end(
        JSON.stringify({ model_id: 'ibm/slate-125m-english-rtrvr-v2', results: [{ index: 1, score: 0.9, input: { text: 'Paris is in France.' } }], input_token_count: 9 }),
      );
    }
    if (request.path.endsWith('/foundation_model_specs')) {
      return void response.end(JSON.stringify({ total_count: 1, resources: [{ model_id: 'ibm/granite-3-3-8b-instruct', provider: 'IBM', label: 'granite' }] }));
    }
    response.statusCode = 404;
    response.end('{}');
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const client = (override: Record<string, unknown> = {}) =>
  createClient({ maxRetries: 0, providers: { watsonx: { baseURL: `${server.url}/ml/v1`, apiKey: API_KEY, ...override } } });
const apiCalls = () => server.requests.filter((request) => request.path !== '/identity/token');
const iamCalls = () => server.requests.filter((request) => request.path === '/identity/token');
const messages = [{ role: 'user' as const, content: 'Capital of France?' }];

describe('watsonx chat', () => {
  it('exchanges the API key at IAM once, then sends chat in watsonx format with the version query', async () => {
    const watsonx = client();
    const result = await watsonx.chat({
      model: 'watsonx/ibm/granite-3-3-8b-instruct',
      messages: [{ role: 'developer', content: 'Be brief.' }, ...messages],
      max_completion_tokens: 50,
      tool_choice: 'auto',
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      user: 'u-1',
    });
    await watsonx.chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages });
    expect(iamCalls()).toHaveLength(1);
    expect(new URLSearchParams(iamCalls()[0]?.bodyText)).toEqual(
      new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: API_KEY }),
    );
    const [first] = apiCalls();
    expect(first).toMatchObject({ method: 'POST', path: '/ml/v1/text/chat' });
    expect(first?.query.get('version')).toBe('2024-05-31');
    expect(first?.headers.authorization).toBe('Bearer iam-token-1');
    expect(first?.body).toEqual({
      model_id: 'ibm/granite-3-3-8b-instruct',
      project_id: 'proj-env',
      messages: [{ role: 'system', content: 'Be brief.' }, ...messages],
      max_tokens: 50,
      tool_choice_option: 'auto',
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
    });
    expect(apiCalls()[1]?.headers.authorization).toBe('Bearer iam-token-1');
    expect(result).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      model: 'ibm/granite-3-3-8b-instruct',
      created: 1767225600,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
    });
    expect(callInfo(result).warnings).toEqual(['dropped "user": watsonx chat has no such parameter']);
  });

  it('takes the project id from providers.watsonx.urlVariables and fails before sending without one', async () => {
    await client({ urlVariables: { project_id: 'proj-option' } }).chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages });
    expect(apiCalls()[0]?.body).toMatchObject({ project_id: 'proj-option' });
    server.requests.length = 0;
    vi.stubEnv('WATSONX_PROJECT_ID', '');
    await expect(client().chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(/\{project_id\} \(set WATSONX_PROJECT_ID or providers\.watsonx\.urlVariables\.project_id\)/),
    });
    expect(server.requests).toHaveLength(0);
  });

  it('streams from /text/chat_stream as OpenAI chunks with usage', async () => {
    const stream = client().chatStream({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('Paris.');
    expect(apiCalls()[0]).toMatchObject({ method: 'POST', path: '/ml/v1/text/chat_stream' });
    expect(apiCalls()[0]?.body).not.toHaveProperty('stream');
    expect(callInfo(stream).usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 2 });
  });

  it('exchanges again after a 401 and when the token nears its expiry', async () => {
    rejectFirst = 1;
    const watsonx = client();
    await watsonx.chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages });
    expect(iamCalls()).toHaveLength(2);
    expect(apiCalls().map((call) => call.headers.authorization)).toEqual(['Bearer iam-token-1', 'Bearer iam-token-2']);
    server.requests.length = 0;
    tokenLifetime = 30; // inside the one-minute margin: never reused
    const shortLived = client();
    await shortLived.chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages });
    await shortLived.chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages });
    expect(iamCalls()).toHaveLength(2);
  });

  it('reports an IAM refusal as AuthenticationError without the key, and watsonx errors by code and message', async () => {
    server.handle((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.path === '/identity/token') {
        response.statusCode = 400;
        return void response.end(JSON.stringify({ errorCode: 'BXNIM0415E', errorMessage: 'Provided API key could not be found.' }));
      }
      response.statusCode = 400;
      response.end(JSON.stringify({ errors: [{ code: 'invalid_input_argument', message: 'the prompt exceeds the maximum sequence length' }] }));
    });
    const error = await client().chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AuthenticationError', message: expect.stringMatching(/BXNIM0415E: Provided API key could not be found/) });
    expect(String((error as Error).message)).not.toContain(API_KEY);
    expect(apiCalls()).toHaveLength(0);
    await expect(
      client({ accessToken: 'cpd-token' }).chat({ model: 'watsonx/ibm/granite-3-3-8b-instruct', messages }),
    ).rejects.toMatchObject({ name: 'ContextWindowExceededError', status: 400 });
    expect(apiCalls()[0]?.headers.authorization).toBe('Bearer cpd-token');
  });

  it('uses a ready token from WATSONX_TOKEN without any exchange', async () => {
    vi.stubEnv('WATSONX_TOKEN', 'ready-token');
    await createClient({ maxRetries: 0, providers: { watsonx: { baseURL: `${server.url}/ml/v1` } } }).chat({
      model: 'watsonx/ibm/granite-3-3-8b-instruct',
      messages,
    });
    expect(iamCalls()).toHaveLength(0);
    expect(apiCalls()[0]?.headers.authorization).toBe('Bearer ready-token');
  });
});

describe('watsonx embeddings and models', () => {
  it('embeds text as inputs and maps results and the token count', async () => {
    const result = await client().embed({ model: 'watsonx/ibm/slate-125m-english-rtrvr-v2', input: ['a', 'b'] });
    expect(apiCalls()[0]).toMatchObject({
      method: 'POST',
      path: '/ml/v1/text/embeddings',
      body: { model_id: 'ibm/slate-125m-english-rtrvr-v2', project_id: 'proj-env', inputs: ['a', 'b'] },
    });
    expect(result).toEqual({
      object: 'list',
      model: 'ibm/slate-125m-english-rtrvr-v2',
      data: [
        { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
        { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
      ],
      usage: { prompt_tokens: 6, total_tokens: 6 },
    });
    await expect(client().embed({ model: 'watsonx/ibm/slate-125m-english-rtrvr-v2', input: [1, 2] })).rejects.toMatchObject({
      name: 'BadRequestError',
      message: expect.stringMatching(/request\.input/),
    });
  });

  it('reranks through /text/rerank with return options, as relevance scores and documents', async () => {
    const result = await client().rerank({
      model: 'watsonx/ibm/slate-125m-english-rtrvr-v2',
      query: 'capital of France',
      documents: ['Bananas.', { text: 'Paris is in France.' }],
      top_n: 1,
      return_documents: true,
    });
    expect(apiCalls()[0]).toMatchObject({
      method: 'POST',
      path: '/ml/v1/text/rerank',
      body: {
        model_id: 'ibm/slate-125m-english-rtrvr-v2',
        project_id: 'proj-env',
        query: 'capital of France',
        inputs: [{ text: 'Bananas.' }, { text: 'Paris is in France.' }],
        parameters: { return_options: { top_n: 1, inputs: true } },
      },
    });
    expect(result).toEqual({
      model: 'ibm/slate-125m-english-rtrvr-v2',
      results: [{ index: 1, relevance_score: 0.9, document: { text: 'Paris is in France.' } }],
      usage: { total_tokens: 9 },
    });
  });

  it('lists foundation models', async () => {
    const list = await client().listModels({ provider: 'watsonx' });
    expect(apiCalls()[0]).toMatchObject({ method: 'GET', path: '/ml/v1/foundation_model_specs' });
    expect(apiCalls()[0]?.query.get('version')).toBe('2024-05-31');
    expect(list.data.map((model) => model.id)).toEqual(['ibm/granite-3-3-8b-instruct']);
  });
});
