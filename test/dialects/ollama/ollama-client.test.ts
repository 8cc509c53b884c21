import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { parseNdjsonEvents } from '../../../src/transport/parse-ndjson-events.js';
import { sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';
import { chatAnswer, ndjson } from './ollama-fixtures.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () => createClient({ providers: { ollama_chat: { baseURL: server.url } }, maxRetries: 0 });
const lastBody = () => server.requests.at(-1)?.body as Record<string, unknown>;

describe('ollama_chat: chat', () => {
  it('sends images as base64, tool calls with object arguments, and names a tool result by its tool', async () => {
    server.handle(sendJson(200, chatAnswer));
    await client().chat({
      model: 'ollama_chat/llava',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_7', type: 'function', function: { name: 'lookup', arguments: '{"q":"cat"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_7', content: 'a cat' },
      ],
    });
    expect(lastBody().messages).toEqual([
      { role: 'user', content: 'What is this?', images: ['iVBORw0KGgo='] },
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'lookup', arguments: { q: 'cat' } } }] },
      { role: 'tool', content: 'a cat', tool_name: 'lookup' },
    ]);
  });

  it('refuses an image by URL, which Ollama cannot fetch', async () => {
    await expect(
      client().chat({
        model: 'ollama_chat/llava',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
      }),
    ).rejects.toMatchObject({ name: 'BadRequestError', provider: 'ollama_chat', message: expect.stringContaining('messages[0].content[0].image_url.url') });
    expect(server.requests).toHaveLength(0);
  });

  it('maps response_format, reasoning_effort and extra_body options; reports what it drops', async () => {
    server.handle(sendJson(200, { ...chatAnswer, message: { role: 'assistant', content: '{"a":1}', thinking: 'Hmm.' } }));
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    const reply = await client().chat({
      model: 'ollama_chat/qwen3',
      messages: [{ role: 'user', content: 'Give JSON' }],
      response_format: { type: 'json_schema', json_schema: { name: 'out', schema } },
      reasoning_effort: 'high',
      seed: 7,
      logit_bias: { '1': 2 },
      tool_choice: 'required',
      extra_body: { options: { num_ctx: 8192 }, keep_alive: '5m' },
    });
    expect(lastBody()).toEqual({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'Give JSON' }],
      stream: false,
      format: schema,
      think: 'high',
      options: { seed: 7, num_ctx: 8192 },
      keep_alive: '5m',
    });
    expect(reply.choices[0]?.message).toMatchObject({ content: '{"a":1}', reasoning_content: 'Hmm.' });
    expect(callInfo(reply).warnings).toEqual([
      expect.stringContaining('dropped "tool_choice"'),
      expect.stringContaining('dropped "logit_bias"'),
    ]);

    server.handle(sendJson(200, chatAnswer));
    await client().chat({ model: 'ollama_chat/qwen3', messages: [{ role: 'user', content: 'Hi' }], response_format: { type: 'json_object' }, reasoning_effort: 'minimal' });
    expect(lastBody()).toMatchObject({ format: 'json', think: false });
  });

  it('a length stop is finish_reason length; an HTTP error body is mapped', async () => {
    server.handle(sendJson(200, { ...chatAnswer, done_reason: 'length' }));
    const reply = await client().chat({ model: 'ollama_chat/llama3.2', messages: [{ role: 'user', content: 'Hi' }] });
    expect(reply.choices[0]).toMatchObject({ finish_reason: 'length', native_finish_reason: 'length' });

    server.handle(sendJson(404, { error: 'model "nope" not found, try pulling it first' }));
    await expect(client().chat({ model: 'ollama_chat/nope', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toMatchObject({
      status: 404,
      provider: 'ollama_chat',
      message: expect.stringContaining('try pulling it first'),
    });
  });

  it('streams NDJSON split anywhere, thinking included', async () => {
    const body = ndjson([
      { model: 'qwen3', created_at: '2025-06-01T12:00:00Z', message: { role: 'assistant', content: '', thinking: 'Let me see.' }, done: false },
      { model: 'qwen3', created_at: '2025-06-01T12:00:00Z', message: { role: 'assistant', content: 'Hi ☃' }, done: false },
      { model: 'qwen3', created_at: '2025-06-01T12:00:00Z', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 3, eval_count: 4 },
    ]);
    const bytes = new TextEncoder().encode(body);
    server.handle(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      // Cut inside a line and inside the snowman's UTF-8 bytes.
      for (let at = 0; at < bytes.length; at += 37) {
        response.write(bytes.slice(at, at + 37));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      response.end();
    });
    let content = '';
    let reasoning = '';
    let usage: unknown;
    for await (const chunk of client().chatStream({ model: 'ollama_chat/qwen3', messages: [{ role: 'user', content: 'Hi' }] })) {
      content += chunk.choices[0]?.delta?.content ?? '';
      reasoning += chunk.choices[0]?.delta?.reasoning_content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect({ content, reasoning, usage }).toEqual({ content: 'Hi ☃', reasoning: 'Let me see.', usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
    expect(lastBody()).toMatchObject({ stream: true });
  });
});

describe('ollama_chat: embeddings, models, completion', () => {
  it('embeds through /api/embed', async () => {
    server.handle(sendJson(200, { model: 'nomic-embed-text', embeddings: [[0.1, 0.2], [0.3, 0.4]], prompt_eval_count: 6 }));
    const result = await client().embed({ model: 'ollama_chat/nomic-embed-text', input: ['a', 'b'], dimensions: 2 });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/api/embed', body: { model: 'nomic-embed-text', input: ['a', 'b'], dimensions: 2 } });
    expect(result).toEqual({
      object: 'list',
      model: 'nomic-embed-text',
      data: [
        { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
        { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
      ],
      usage: { prompt_tokens: 6, total_tokens: 6 },
    });
    await expect(client().embed({ model: 'ollama_chat/nomic-embed-text', input: [1, 2, 3] })).rejects.toMatchObject({ name: 'BadRequestError' });
  });

  it('lists the local models from /api/tags', async () => {
    server.handle(
      sendJson(200, {
        models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest', modified_at: '2025-05-04T17:37:44.706015396-07:00', size: 2019393189, digest: 'a80c4f17' }],
      }),
    );
    const list = await client().listModels({ provider: 'ollama_chat' });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/tags' });
    expect(list.data).toEqual([
      { id: 'llama3.2:latest', object: 'model', owned_by: 'ollama', created: 1746405464, model: 'llama3.2:latest', size: 2019393189, digest: 'a80c4f17' },
    ]);
  });

  it('completes through /api/generate, never streamed', async () => {
    server.handle(
      sendJson(200, { model: 'llama3.2', created_at: '2025-06-01T12:00:00Z', response: 'Blue.', done: true, done_reason: 'stop', prompt_eval_count: 5, eval_count: 2 }),
    );
    const result = await client().completion({ model: 'ollama_chat/llama3.2', prompt: 'The sky is', max_tokens: 5, suffix: '!', echo: true });
    expect(server.requests[0]).toMatchObject({
      path: '/api/generate',
      body: { model: 'llama3.2', prompt: 'The sky is', suffix: '!', stream: false, options: { num_predict: 5 } },
    });
    expect(result.choices[0]).toMatchObject({ text: 'Blue.', finish_reason: 'stop' });
    expect(callInfo(result)).toMatchObject({ usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 }, warnings: [expect.stringContaining('"echo"')] });
    await expect(client().completion({ model: 'ollama_chat/llama3.2', prompt: ['a', 'b'] })).rejects.toMatchObject({ name: 'BadRequestError' });
  });
});

describe('parseNdjsonEvents', () => {
  it('yields each line, the last one without a newline too, and skips blank lines', async () => {
    const body = new Response('{"a":1}\n\n{"b":2}').body!;
    const events = [];
    for await (const event of parseNdjsonEvents(body)) events.push(event.data);
    expect(events).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('refuses a line over the limit', async () => {
    const body = new Response('x'.repeat(100)).body!;
    await expect(async () => {
      for await (const _event of parseNdjsonEvents(body, 10)) void _event;
    }).rejects.toThrow(/maximum size/);
  });
});
