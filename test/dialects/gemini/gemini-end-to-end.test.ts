// Whole calls through createClient against a loopback server that answers in Gemini's documented
// wire format: what reaches the server, and what the caller gets back.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient, isLiterLlmError } from '../../../src/index.js';
import { sendJson, sseBody, startMockServer, type MockServer } from '../../support/mock-server.js';
import {
  batchEmbedResponse,
  invalidApiKeyErrorBody,
  modelsListResponse,
  parallelCallsWithSignatureResponse,
  textResponse,
  thinkingResponse,
  thinkingStreamEvents,
} from './gemini-fixtures.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const client = () => createClient({ maxRetries: 0, providers: { gemini: { baseURL: server.url, apiKey: 'AIza-e2e-test-key' } } });
const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

async function caught(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error)).toBe(true);
  return error as Record<string, unknown>;
}

describe('gemini through createClient', () => {
  it('routes a bare gemini- model, sends the key in x-goog-api-key and reports dropped parameters', async () => {
    server.handle(sendJson(200, textResponse));
    const reply = await createClient({ maxRetries: 0, providers: { gemini: { baseURL: server.url, apiKey: 'AIza-e2e-test-key' } } }).chat({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Capital of France?' }],
      user: 'someone',
    });
    expect(reply.choices[0]?.message.content).toBe('Paris.');
    const request = server.requests[0];
    expect(request?.path).toBe('/models/gemini-2.5-flash:generateContent');
    expect(request?.headers['x-goog-api-key']).toBe('AIza-e2e-test-key');
    expect(request?.url).not.toContain('AIza');
    expect(callInfo(reply)).toMatchObject({ provider: 'gemini', usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 } });
    expect(callInfo(reply).warnings).toEqual(['user: Gemini has no equivalent; dropped (provider options go in extra_body)']);
  });

  it('asks for thoughts with reasoning_effort and returns them as reasoning_content', async () => {
    server.handle(sendJson(200, thinkingResponse));
    const reply = await client().chat({ model: 'gemini/gemini-2.5-pro', messages: [{ role: 'user', content: 'Capital?' }], reasoning_effort: 'medium' });
    expect(server.requests[0]?.body).toMatchObject({ generationConfig: { thinkingConfig: { thinkingBudget: 8192, includeThoughts: true } } });
    expect(reply.choices[0]?.message).toMatchObject({ content: 'Paris.', reasoning_content: '**Weighing the options**\nThe user asks for a capital.' });
    expect(reply.usage?.completion_tokens_details?.reasoning_tokens).toBe(150);
  });

  it('streams thoughts and text, ending on the finish reason without [DONE]', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody(thinkingStreamEvents, false));
    });
    const stream = client().chatStream({ model: 'gemini/gemini-2.5-pro', messages: [{ role: 'user', content: 'Capital?' }] });
    let reasoning = '';
    let content = '';
    for await (const chunk of stream) {
      reasoning += chunk.choices[0]?.delta?.reasoning_content ?? '';
      content += chunk.choices[0]?.delta?.content ?? '';
    }
    expect([reasoning, content]).toEqual(['Considering capitals.', 'Paris.']);
    expect(server.requests[0]?.url).toBe('/models/gemini-2.5-pro:streamGenerateContent?alt=sse');
    expect(callInfo(stream).usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 42, total_tokens: 54 });
  });

  it('round-trips tool calls: the signature Gemini 3 gave comes back on the next turn', async () => {
    server.handle(sendJson(200, parallelCallsWithSignatureResponse));
    const messages = [{ role: 'user' as const, content: 'Weather in Paris and Rome?' }];
    const first = await client().chat({ model: 'gemini/gemini-3-pro-preview', messages, tools: [weatherTool] });
    const message = first.choices[0]?.message;
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    const calls = message?.tool_calls ?? [];
    expect(calls).toHaveLength(2);

    server.handle(sendJson(200, textResponse));
    const second = await client().chat({
      model: 'gemini/gemini-3-pro-preview',
      tools: [weatherTool],
      messages: [
        ...messages,
        {
          role: 'assistant',
          content: null,
          tool_calls: calls.map((call) => ({ id: call.id ?? '', type: 'function' as const, function: { name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' } })),
        },
        { role: 'tool', tool_call_id: calls[0]?.id ?? '', content: '{"temperature":21}' },
        { role: 'tool', tool_call_id: calls[1]?.id ?? '', content: '{"temperature":25}' },
      ],
    });
    expect(callInfo(second).warnings).toEqual([]);
    expect((server.requests[1]?.body as { contents: unknown[] }).contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'CpUBAb4+9vs/x+7Qzw==' },
          { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_weather', response: { temperature: 21 } } },
          { functionResponse: { name: 'get_weather', response: { temperature: 25 } } },
        ],
      },
    ]);
  });

  it('embeds through batchEmbedContents and lists models', async () => {
    server.handle(sendJson(200, batchEmbedResponse));
    const vectors = await client().embed({ model: 'gemini/gemini-embedding-001', input: ['a', 'b'], dimensions: 3 });
    expect(vectors.data.map((entry) => entry.embedding)).toEqual([
      [0.1, -0.2, 0.3],
      [0.4, 0.5, -0.6],
    ]);
    expect(server.requests[0]?.path).toBe('/models/gemini-embedding-001:batchEmbedContents');
    expect(server.requests[0]?.body).toMatchObject({ requests: [{ outputDimensionality: 3 }, { outputDimensionality: 3 }] });

    server.handle(sendJson(200, modelsListResponse));
    const models = await client().listModels({ provider: 'gemini' });
    expect(models.data.map((model) => model.id)).toEqual(['gemini-2.5-flash', 'gemini-embedding-001']);
    expect(server.requests[1]).toMatchObject({ method: 'GET', url: '/models?pageSize=1000' });
  });

  it('reads a 400 API_KEY_INVALID as an authentication error', async () => {
    server.handle(sendJson(400, invalidApiKeyErrorBody));
    const error = await caught(client().chat({ model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }] }));
    expect(error).toMatchObject({ kind: 'Authentication', status: 400, provider: 'gemini' });
  });

  it('fails before sending when no key is configured, naming GEMINI_API_KEY', async () => {
    vi.stubEnv('GEMINI_API_KEY', '');
    const bare = createClient({ providers: { gemini: { baseURL: server.url } } });
    const error = await caught(bare.chat({ model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }] }));
    expect(error).toMatchObject({ kind: 'Authentication' });
    expect(String(error.message)).toContain('GEMINI_API_KEY');
    expect(server.requests).toHaveLength(0);
  });
});
