import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfo, createClient, isLiterLlmError, type Middleware } from '../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const openai = () =>
  createClient({ providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-openai-test-key' } }, maxRetries: 0 });

async function caught(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error)).toBe(true);
  return error as Record<string, unknown>;
}

describe('imageGenerate', () => {
  it('posts the prompt to /images/generations and returns URL results', async () => {
    server.handle(
      sendJson(200, { created: 1711000000, data: [{ url: 'https://img/1.png', revised_prompt: 'A red cat' }] }),
    );
    const images = await openai().imageGenerate({
      model: 'openai/dall-e-3',
      prompt: 'a cat',
      n: 1,
      size: '1024x1024',
      extra_body: { seed: 7 },
    });
    expect(images.data[0]?.url).toBe('https://img/1.png');
    expect(images.data[0]?.revised_prompt).toBe('A red cat');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/images/generations' });
    expect(request?.headers.authorization).toBe('Bearer sk-openai-test-key');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({ model: 'dall-e-3', prompt: 'a cat', n: 1, size: '1024x1024', seed: 7 });
    expect(callInfo(images)).toMatchObject({
      operation: 'imageGenerate',
      provider: 'openai',
      model: 'dall-e-3',
      attempts: 1,
      complete: true,
    });
  });

  it('returns base64 results', async () => {
    server.handle(sendJson(200, { created: 1, data: [{ b64_json: 'iVBORw0KGgo=' }] }));
    const images = await openai().imageGenerate({
      model: 'openai/gpt-image-1',
      prompt: 'a dot',
      response_format: 'b64_json',
    });
    expect(images.data[0]?.b64_json).toBe('iVBORw0KGgo=');
    expect((server.requests[0]?.body as Record<string, unknown>).response_format).toBe('b64_json');
  });

  it('maps errors and rejects a body that does not fit', async () => {
    server.handle(
      sendJson(400, { error: { message: "Invalid value for 'size'", type: 'invalid_request_error', param: 'size' } }),
    );
    const bad = await caught(openai().imageGenerate({ model: 'openai/dall-e-3', prompt: 'x', size: '1x1' }));
    expect(bad).toMatchObject({ name: 'BadRequestError', status: 400, provider: 'openai', model: 'dall-e-3' });
    expect(String(bad.message)).toContain("Invalid value for 'size'");

    server.handle(sendJson(200, { images: [] }));
    const invalid = await caught(openai().imageGenerate({ model: 'openai/dall-e-3', prompt: 'x' }));
    expect(invalid.name).toBe('InvalidResponseError');
    expect(String(invalid.message)).toMatch(/images response does not fit its schema: .*data/);

    server.handle(sendJson(200, { error: { message: 'quota exceeded', type: 'insufficient_quota' } }));
    expect((await caught(openai().imageGenerate({ model: 'openai/dall-e-3', prompt: 'x' }))).name).toBe(
      'RateLimitedError',
    );
  });

  it('fails before sending when the provider declares no images endpoint', async () => {
    const client = createClient({ providers: { perplexity: { baseURL: server.url, apiKey: 'pplx-test-key-123' } } });
    const error = await caught(client.imageGenerate({ model: 'perplexity/sonar', prompt: 'x' }));
    expect(error.name).toBe('EndpointNotSupportedError');
    expect(String(error.message)).toBe('perplexity does not serve the images endpoint');
    expect(server.requests).toHaveLength(0);
  });

  it('fails before sending when the provider serves images in a wire format not implemented yet', async () => {
    // No registry entry declares such an endpoint any more, so a custom entry stands in.
    const client = createClient({
      customProviders: [
        {
          id: 'acme_images',
          name: 'Acme Images',
          kind: 'hosted',
          dialect: 'replicate',
          baseURL: server.url,
          auth: { scheme: 'bearer', envVar: 'ACME_IMAGES_API_KEY' },
          endpoints: { images: { path: '/models/{model}/predictions' } },
        },
      ],
      providers: { acme_images: { apiKey: 'r8-test-key-1234' } },
    });
    const error = await caught(client.imageGenerate({ model: 'acme_images/flux', prompt: 'x' }));
    expect(error.name).toBe('EndpointNotSupportedError');
    expect(String(error.message)).toMatch(/acme_images serves images in the "replicate" wire format.*gateway/);
    expect(server.requests).toHaveLength(0);
  });

  it('reports a missing key without sending', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const client = createClient({ providers: { openai: { baseURL: server.url } } });
    vi.unstubAllEnvs();
    const error = await caught(client.imageGenerate({ model: 'openai/dall-e-3', prompt: 'x' }));
    expect(error.name).toBe('AuthenticationError');
    expect(String(error.message)).toContain('OPENAI_API_KEY');
    expect(server.requests).toHaveLength(0);
  });
});

describe('moderate', () => {
  it('posts to /moderations and returns one result per input', async () => {
    server.handle(
      sendJson(200, {
        id: 'modr-1',
        model: 'omni-moderation-latest',
        results: [
          {
            flagged: true,
            categories: { violence: true, hate: false },
            category_scores: { violence: 0.91, hate: 0.01 },
          },
          {
            flagged: false,
            categories: { violence: false, hate: false },
            category_scores: { violence: 0.01, hate: 0.0 },
          },
        ],
      }),
    );
    const result = await openai().moderate({ model: 'openai/omni-moderation-latest', input: ['bad', 'fine'] });
    expect(result.results.map((item) => item.flagged)).toEqual([true, false]);
    expect(result.results[0]?.category_scores?.violence).toBe(0.91);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/moderations',
      body: { model: 'omni-moderation-latest', input: ['bad', 'fine'] },
    });
  });

  it('accepts Mistral results without flagged', async () => {
    server.handle(
      sendJson(200, {
        id: 'm',
        model: 'mistral-moderation-latest',
        results: [{ categories: { sexual: false }, category_scores: { sexual: 0.1 } }],
      }),
    );
    const client = createClient({ providers: { mistral: { baseURL: server.url, apiKey: 'mistral-test-key' } } });
    const result = await client.moderate({ model: 'mistral/mistral-moderation-latest', input: 'hello' });
    expect(result.results[0]?.categories?.sexual).toBe(false);
    expect(server.requests[0]?.path).toBe('/moderations');
  });
});

describe('completion', () => {
  it('posts a legacy completion without stream fields and records usage', async () => {
    server.handle(
      sendJson(200, {
        id: 'cmpl-1',
        object: 'text_completion',
        created: 1,
        model: 'gpt-3.5-turbo-instruct',
        choices: [{ text: ' world', index: 0, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 },
      }),
    );
    const result = await openai().completion({
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: 'Hello',
      max_tokens: 5,
      extra_body: { stream: true },
    });
    expect(result.choices[0]?.text).toBe(' world');
    expect(server.requests[0]).toMatchObject({
      path: '/v1/completions',
      body: { model: 'gpt-3.5-turbo-instruct', prompt: 'Hello', max_tokens: 5 },
    });
    expect((server.requests[0]?.body as Record<string, unknown>).stream).toBeUndefined();
    expect(callInfo(result).usage).toEqual({ prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 });
  });

  it('uses the path the registry declares (DeepSeek FIM)', async () => {
    server.handle(sendJson(200, { choices: [{ text: 'x', index: 0, finish_reason: 'stop' }] }));
    const client = createClient({ providers: { deepseek: { baseURL: server.url, apiKey: 'sk-deepseek-test' } } });
    await client.completion({ model: 'deepseek/deepseek-chat', prompt: 'def f(', suffix: '):' });
    expect(server.requests[0]).toMatchObject({
      path: '/beta/completions',
      body: { model: 'deepseek-chat', prompt: 'def f(', suffix: '):' },
    });
  });
});

describe('ocr', () => {
  const pages = {
    pages: [
      { index: 0, markdown: '# Title' },
      { index: 1, markdown: 'Body' },
    ],
    model: 'mistral-ocr-latest',
    usage_info: { pages_processed: 2 },
  };

  it('sends Mistral its own document shape and returns the pages', async () => {
    server.handle(sendJson(200, pages));
    const client = createClient({
      providers: { mistral: { baseURL: `${server.url}/v1`, apiKey: 'mistral-test-key' } },
    });
    const result = await client.ocr({
      model: 'mistral/mistral-ocr-latest',
      document: { type: 'document_url', url: 'https://x/a.pdf' },
      include_image_base64: true,
    });
    expect(result.pages.map((page) => [page.index, page.markdown])).toEqual([
      [0, '# Title'],
      [1, 'Body'],
    ]);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/ocr' });
    expect(server.requests[0]?.body).toEqual({
      model: 'mistral-ocr-latest',
      document: { type: 'document_url', document_url: 'https://x/a.pdf' },
      include_image_base64: true,
    });
  });

  it('sends base64 as a data: URL', async () => {
    server.handle(sendJson(200, pages));
    const client = createClient({ providers: { mistral: { baseURL: server.url, apiKey: 'mistral-test-key' } } });
    await client.ocr({
      model: 'mistral/mistral-ocr-latest',
      document: { type: 'base64', data: 'aGk=', media_type: 'image/jpeg' },
    });
    expect((server.requests[0]?.body as { document: unknown }).document).toEqual({
      type: 'image_url',
      image_url: 'data:image/jpeg;base64,aGk=',
    });
  });

  it('sends a gateway the document as given', async () => {
    server.handle(sendJson(200, pages));
    const client = createClient({ baseURL: `${server.url}/gw`, apiKey: 'gateway-key-1234' });
    await client.ocr({
      model: 'mistral/mistral-ocr-latest',
      document: { type: 'document_url', url: 'https://x/a.pdf' },
    });
    expect(server.requests[0]).toMatchObject({
      path: '/gw/ocr',
      body: { model: 'mistral/mistral-ocr-latest', document: { type: 'document_url', url: 'https://x/a.pdf' } },
    });
  });

  it('rejects pages without markdown', async () => {
    server.handle(sendJson(200, { pages: [{ index: 0 }] }));
    const client = createClient({ providers: { mistral: { baseURL: server.url, apiKey: 'mistral-test-key' } } });
    const error = await caught(
      client.ocr({
        model: 'mistral/mistral-ocr-latest',
        document: { type: 'image_url', image_url: 'https://x/a.png' },
      }),
    );
    expect(error.name).toBe('InvalidResponseError');
    expect(String(error.message)).toContain('markdown');
  });
});

describe('middleware', () => {
  it('sees every endpoint call with its operation name and request', async () => {
    const seen: Array<[string, unknown]> = [];
    const record: Middleware = async (context, next) => {
      seen.push([context.operation, context.request]);
      return next(context);
    };
    server.handle(sendJson(200, { id: 'file-1', object: 'file', data: [], results: [], choices: [], pages: [] }));
    const client = createClient({
      providers: { openai: { baseURL: server.url, apiKey: 'sk-openai-test-key' } },
      middleware: [record],
    });
    await client.moderate({ model: 'openai/omni-moderation-latest', input: 'x' });
    await client.files.retrieve('file-1');
    await client.files.list({ limit: 2 });
    expect(seen).toEqual([
      ['moderate', { model: 'openai/omni-moderation-latest', input: 'x' }],
      ['files.retrieve', { file_id: 'file-1' }],
      ['files.list', { limit: 2 }],
    ]);
  });

  it('rejects bad arguments with an error naming the field, before anything is sent', async () => {
    const client = openai();
    await expect(client.imageGenerate(null as never)).rejects.toThrow(/imageGenerate\(request\): request must be an object/);
    await expect(client.files.retrieve('')).rejects.toThrow(/files\.retrieve\(fileId\): fileId must be a non-empty string/);
    await expect(client.transcribe({ model: 'openai/whisper-1', file: 'a.mp3' } as never)).rejects.toThrow(
      /request\.file must be bytes/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
