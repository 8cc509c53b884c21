import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BudgetExceededError, callInfo, createClient } from '../../src/index.js';
import { createMemoryBudgetStore } from '../../src/middleware/budget/create-memory-budget-store.js';
import type { BudgetOptions } from '../../src/middleware/budget/normalize-budget-options.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

// A hard budget holds against the request as it goes on the wire, not against the OpenAI-shaped
// request: a cap raised through extra_body, a cap that a registry quirk renames or lets through,
// a fallback to a dearer model, and a model whose price nobody knows.

const messages = [{ role: 'user' as const, content: 'hello' }];
const cheapAnswer = sendJson(200, chatResponse('hi', { usage: { prompt_tokens: 2, completion_tokens: 10, total_tokens: 12 } }));

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.handle(cheapAnswer);
});

function budgetClient(budget: Omit<BudgetOptions, 'store'>, extra: Record<string, unknown> = {}) {
  const store = createMemoryBudgetStore();
  const client = createClient({
    providers: {
      openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-test' },
      mistral: { baseURL: `${server.url}/v1`, apiKey: 'sk-test' },
    },
    maxRetries: 0,
    budget: { mode: 'hard', ...budget, store },
    ...extra,
  });
  return { client, store };
}

describe('a hard budget reserves the cost of the request as sent', () => {
  it('extra_body: { max_tokens: 100000 } next to max_tokens: 10 is refused before sending', async () => {
    // gpt-4o: $10 per million output tokens; 100000 tokens cost $1, 10 tokens $0.0001.
    const { client, store } = budgetClient({ limitUsd: 0.01 });
    const call = client.chat({ model: 'openai/gpt-4o', messages, max_tokens: 10, extra_body: { max_tokens: 100_000 } });
    await expect(call).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(call).rejects.toThrow(/this call may cost up to \$1\.0/);
    expect(server.requests).toHaveLength(0);
    expect(await store.read('global|all')).toEqual({ spent: 0, reserved: 0 });
    // The same call without the raised cap fits and is sent.
    await client.chat({ model: 'openai/gpt-4o', messages, max_tokens: 10 });
    expect(server.requests).toHaveLength(1);
  });

  it('a request with no cap reserves the model output limit the catalogue knows, not defaultMaxOutputTokens', async () => {
    // gpt-4o writes up to 16384 tokens (models.dev): $0.16384 at $10 per million; 4096 would be $0.04096.
    const { client } = budgetClient({ limitUsd: 0.1 });
    const call = client.chat({ model: 'openai/gpt-4o', messages });
    await expect(call).rejects.toThrow(/this call may cost up to \$0\.1638/);
    expect(server.requests).toHaveLength(0);
    // A model the catalogue does not list falls back to defaultMaxOutputTokens (4096 at $10 per million).
    const { client: unlisted } = budgetClient({ limitUsd: 0.1, prices: { 'openai/unlisted-model': { input: 1, output: 10 } } });
    await unlisted.chat({ model: 'openai/unlisted-model', messages });
    expect(server.requests).toHaveLength(1);
  });

  it('a cap nested where a native dialect reads it (Ollama options.num_predict, Gemini generationConfig) counts too', async () => {
    const { client } = budgetClient({ limitUsd: 0.01 });
    for (const extra_body of [{ options: { num_predict: 100_000 } }, { generationConfig: { maxOutputTokens: 100_000 } }]) {
      await expect(client.chat({ model: 'openai/gpt-4o', messages, max_tokens: 10, extra_body })).rejects.toBeInstanceOf(BudgetExceededError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('a registry quirk that keeps the larger of two caps (mistral renames max_completion_tokens) is refused before sending', async () => {
    // mistral's quirk renames max_completion_tokens to max_tokens; when both are given, max_tokens goes on the wire.
    const { client } = budgetClient({ limitUsd: 0.01, prices: { 'mistral/test-model': { input: 1, output: 10 } } });
    const call = client.chat({ model: 'mistral/test-model', messages, max_completion_tokens: 10, max_tokens: 100_000 });
    await expect(call).rejects.toBeInstanceOf(BudgetExceededError);
    expect(server.requests).toHaveLength(0);
  });

  it('a cap under a name only a quirk gives it (renameParams max_tokens -> max_new_tokens) counts', async () => {
    const store = createMemoryBudgetStore();
    const client = createClient({
      customProviders: [
        {
          id: 'tgi_like',
          name: 'TGI-like',
          kind: 'hosted',
          baseURL: `${server.url}/v1`,
          auth: { scheme: 'bearer', envVar: 'TGI_LIKE_API_KEY', optional: true },
          endpoints: { chat: { path: '/chat/completions' } },
          quirks: { renameParams: { max_tokens: 'max_new_tokens' } },
        },
      ],
      maxRetries: 0,
      budget: { limitUsd: 0.01, mode: 'hard', store, prices: { 'tgi_like/test-model': { input: 1, output: 10 } } },
    });
    const call = client.chat({ model: 'tgi_like/test-model', messages, max_tokens: 10, extra_body: { max_new_tokens: 100_000 } });
    await expect(call).rejects.toBeInstanceOf(BudgetExceededError);
    expect(server.requests).toHaveLength(0);
    await client.chat({ model: 'tgi_like/test-model', messages, max_tokens: 10 });
    expect(server.requests.map((request) => (request.body as { max_new_tokens?: unknown }).max_new_tokens)).toEqual([10]);
  });

  it('a fallback to a dearer model is refused before it is sent, and nothing is overspent', async () => {
    server.handle((request, response) => {
      if ((request.body as { model?: string }).model === 'gpt-4o-mini') {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'overloaded' } }));
        return;
      }
      // o1 ($60 per million output tokens) uses the whole cap: $0.06.
      sendJson(200, chatResponse('hi', { model: 'o1', usage: { prompt_tokens: 2, completion_tokens: 1000, total_tokens: 1002 } }))(request, response);
    });
    const { client, store } = budgetClient({ limitUsd: 0.01 }, { fallback: { models: { 'openai/gpt-4o-mini': ['openai/o1'] } } });
    const call = client.chat({ model: 'openai/gpt-4o-mini', messages, max_tokens: 1000 });
    await expect(call).rejects.toMatchObject({ kind: 'BudgetExceeded', message: expect.stringMatching(/budget global exceeded/) });
    expect(server.requests.map((request) => (request.body as { model?: string }).model)).toEqual(['gpt-4o-mini']);
    expect(await store.read('global|all')).toEqual({ spent: 0, reserved: 0 });
  });
});

describe('a model without a known price', () => {
  const unknown = { model: 'openai/gpt-unpriced-x', messages, max_tokens: 10 };

  it('is refused before sending under a hard budget, saying the price is unknown', async () => {
    const { client, store } = budgetClient({ limitUsd: 100 });
    const call = client.chat(unknown);
    await expect(call).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(call).rejects.toThrow(/price of openai\/gpt-unpriced-x is unknown/);
    expect(server.requests).toHaveLength(0);
    expect(await store.read('global|all')).toEqual({ spent: 0, reserved: 0 });
  });

  it('is sent with unknownModelReservationUsd reserved when that is set', async () => {
    const { client, store } = budgetClient({ limitUsd: 1, unknownModelReservationUsd: 0.5 });
    await client.chat(unknown);
    expect(server.requests).toHaveLength(1);
    // Usage cannot be priced either: the reservation is what it cost.
    expect(await store.read('global|all')).toEqual({ spent: 0.5e9, reserved: 0 });
    await client.chat(unknown);
    await expect(client.chat(unknown)).rejects.toBeInstanceOf(BudgetExceededError);
    expect(server.requests).toHaveLength(2);
  });

  it('is sent under a soft budget, with a warning', async () => {
    const { client } = budgetClient({ limitUsd: 1, mode: 'soft' });
    const reply = await client.chat(unknown);
    expect(server.requests).toHaveLength(1);
    expect(callInfo(reply).warnings).toEqual(['budget: no price known for openai/gpt-unpriced-x; reserved $0']);
  });
});
