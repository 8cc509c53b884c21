import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { sendJson, sseBody, startMockServer, type MockServer } from '../../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  vi.stubEnv('CLOUDFLARE_ACCOUNT_ID', 'acct-123');
});

/** The registry's base URL with only the host swapped for the loopback server. */
const client = () =>
  createClient({
    maxRetries: 0,
    providers: { cloudflare_workers_ai: { baseURL: `${server.url}/client/v4/accounts/{account_id}/ai`, apiKey: 'cf-token-0123456789' } },
  });

const BASE = '/client/v4/accounts/acct-123/ai';

describe('Cloudflare Workers AI', () => {
  it('chats through the OpenAI-compatible endpoint under the account id, with its quirks', async () => {
    server.handle(
      sendJson(200, {
        id: 'id-1',
        object: 'chat.completion',
        created: 1,
        model: '@cf/meta/llama-3.1-8b-instruct',
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
      }),
    );
    const result = await client().chat({
      model: 'cloudflare_workers_ai/@cf/meta/llama-3.1-8b-instruct',
      messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      max_completion_tokens: 20,
    });
    expect(result.choices[0]?.message.content).toBe('Hi');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: `${BASE}/v1/chat/completions` });
    expect(request?.headers.authorization).toBe('Bearer cf-token-0123456789');
    expect(request?.body).toEqual({
      model: '@cf/meta/llama-3.1-8b-instruct',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      max_tokens: 20,
    });
  });

  it('streams and embeds in OpenAI format', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        sseBody([
          { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }] },
          { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'lo' }, finish_reason: 'stop' }] },
        ]),
      );
    });
    let text = '';
    for await (const chunk of client().chatStream({ model: 'cloudflare_workers_ai/@cf/meta/llama-3.1-8b-instruct', messages: [{ role: 'user', content: 'Hi' }] })) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text).toBe('Hello');
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
    server.handle(sendJson(200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.5] }], usage: { prompt_tokens: 2, total_tokens: 2 } }));
    const embedded = await client().embed({ model: 'cloudflare_workers_ai/@cf/baai/bge-m3', input: 'x' });
    expect(server.requests[1]).toMatchObject({ path: `${BASE}/v1/embeddings`, body: { model: '@cf/baai/bge-m3', input: 'x' } });
    expect(callInfo(embedded).usage?.prompt_tokens).toBe(2);
  });

  it('transcribes with whisper on /run/{model}, the audio as the body and the model slashes kept', async () => {
    server.handle(sendJson(200, { success: true, errors: [], result: { text: 'hello there', word_count: 2, words: [{ word: 'hello', start: 0, end: 0.4 }, { word: 'there', start: 0.5, end: 0.9 }] } }));
    const audio = new Uint8Array([1, 2, 3]);
    const result = await client().transcribe({ model: 'cloudflare_workers_ai/@cf/openai/whisper', file: audio, filename: 'a.mp3', response_format: 'verbose_json' });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: `${BASE}/run/@cf/openai/whisper` });
    expect(request?.headers['content-type']).toBe('audio/mp3');
    expect([...(request?.bodyBytes ?? [])]).toEqual([1, 2, 3]);
    expect(result).toEqual({
      text: 'hello there',
      words: [
        { word: 'hello', start: 0, end: 0.4 },
        { word: 'there', start: 0.5, end: 0.9 },
      ],
    });
  });

  it('generates an image on /run/{model} as b64_json, and refuses url results and n > 1', async () => {
    server.handle(sendJson(200, { success: true, errors: [], result: { image: 'iVBORw0KGgo=' } }));
    const result = await client().imageGenerate({
      model: 'cloudflare_workers_ai/@cf/black-forest-labs/flux-1-schnell',
      prompt: 'a red bicycle',
      extra_body: { steps: 4 },
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: `${BASE}/run/@cf/black-forest-labs/flux-1-schnell`,
      body: { prompt: 'a red bicycle', steps: 4 },
    });
    expect(result.data?.[0]?.b64_json).toBe('iVBORw0KGgo=');
    await expect(client().imageGenerate({ model: 'cloudflare_workers_ai/@cf/x/y', prompt: 'p', n: 2 })).rejects.toMatchObject({
      name: 'BadRequestError',
      message: expect.stringMatching(/request\.n/),
    });
    await expect(client().imageGenerate({ model: 'cloudflare_workers_ai/@cf/x/y', prompt: 'p', response_format: 'url' })).rejects.toMatchObject({
      name: 'BadRequestError',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('lists models from /models/search and maps an unsuccessful envelope to its error', async () => {
    server.handle(sendJson(200, { success: true, result: [{ id: 'x', name: '@cf/meta/llama-3.1-8b-instruct', task: { name: 'Text Generation' } }] }));
    const list = await client().listModels({ provider: 'cloudflare_workers_ai' });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: `${BASE}/models/search` });
    expect(list.data.map((model) => model.id)).toEqual(['@cf/meta/llama-3.1-8b-instruct']);
    server.handle(sendJson(400, { success: false, errors: [{ code: 7000, message: 'No route for that URI' }] }));
    await expect(client().transcribe({ model: 'cloudflare_workers_ai/@cf/openai/whisper', file: new Uint8Array([1]) })).rejects.toMatchObject({
      name: 'BadRequestError',
      status: 400,
    });
  });

  it('fails before sending without an account id', async () => {
    vi.stubEnv('CLOUDFLARE_ACCOUNT_ID', '');
    await expect(client().chat({ model: 'cloudflare_workers_ai/@cf/meta/llama-3.1-8b-instruct', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(/CLOUDFLARE_ACCOUNT_ID/),
    });
    expect(server.requests).toHaveLength(0);
  });
});
