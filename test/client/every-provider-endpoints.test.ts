import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { providerRegistry } from '../../generated/registry.js';
import { createClient, isLiterLlmError, type EndpointName, type ProviderDefinition } from '../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

type Client = ReturnType<typeof createClient>;

interface EndpointCase {
  readonly method: 'GET' | 'POST';
  readonly reply: unknown;
  /** Appended to the registry path. */
  readonly suffix?: string;
  readonly call: (client: Client, provider: string) => Promise<unknown>;
}

const bytes = new Uint8Array([1, 2, 3]);

/** One call per endpoint that `src/dialects/openai/endpoints/` sends in OpenAI's wire format. */
const CASES: Partial<Record<EndpointName, EndpointCase>> = {
  completions: {
    method: 'POST',
    reply: { choices: [{ text: 'x' }] },
    call: (client, id) => client.completion({ model: `${id}/test-model`, prompt: 'Hi' }),
  },
  images: {
    method: 'POST',
    reply: { data: [{ url: 'u' }] },
    call: (client, id) => client.imageGenerate({ model: `${id}/test-model`, prompt: 'a cat' }),
  },
  speech: {
    method: 'POST',
    reply: undefined,
    call: async (client, id) =>
      (await client.speech({ model: `${id}/test-model`, input: 'Hi', voice: 'alloy' })).bytes(),
  },
  transcriptions: {
    method: 'POST',
    reply: { text: 't' },
    call: (client, id) => client.transcribe({ model: `${id}/test-model`, file: bytes }),
  },
  translations: {
    method: 'POST',
    reply: { text: 't' },
    call: (client, id) => client.translate({ model: `${id}/test-model`, file: bytes }),
  },
  moderations: {
    method: 'POST',
    reply: { results: [] },
    call: (client, id) => client.moderate({ model: `${id}/test-model`, input: 'x' }),
  },
  rerank: {
    method: 'POST',
    reply: { results: [] },
    call: (client, id) => client.rerank({ model: `${id}/test-model`, query: 'q', documents: ['a'] }),
  },
  ocr: {
    method: 'POST',
    reply: { pages: [] },
    call: (client, id) =>
      client.ocr({ model: `${id}/test-model`, document: { type: 'document_url', document_url: 'https://x/a.pdf' } }),
  },
  files: {
    method: 'GET',
    reply: { data: [] },
    call: (client, id) => client.files.list(undefined, { provider: id as 'openai' }),
  },
  batches: {
    method: 'GET',
    reply: { data: [] },
    call: (client, id) => client.batches.list(undefined, { provider: id as 'openai' }),
  },
  responses: {
    method: 'GET',
    reply: { id: 'r' },
    suffix: '/resp_1',
    call: (client, id) => client.responses.retrieve('resp_1', { provider: id as 'openai' }),
  },
};

/**
 * Dialects whose providers these endpoints reach in OpenAI's wire format; some also reach native
 * formats (completions: Ollama's /api/generate, which reads an OpenAI-shaped reply too).
 */
const OPENAI_WIRE = new Set(['openai', 'azure']);
const NATIVE: Partial<Record<EndpointName, ReadonlySet<string>>> = {
  rerank: new Set(['cohere', 'jina', 'voyage', 'watsonx']),
  completions: new Set(['ollama']),
  files: new Set(['anthropic']),
  batches: new Set(['anthropic']),
  speech: new Set(['deepgram', 'elevenlabs']),
  transcriptions: new Set(['assemblyai', 'cloudflare', 'deepgram', 'elevenlabs']),
  images: new Set(['cloudflare']),
};

/** Replies in a native format where the OpenAI-shaped one does not fit (AssemblyAI: the upload, then a completed transcript). */
const NATIVE_REPLIES: Partial<Record<string, unknown>> = {
  assemblyai: { upload_url: 'https://cdn.example/u', id: 't-1', status: 'completed', text: 't' },
  cloudflare: { success: true, result: { image: 'aGk=', text: 't' } },
};

const providers: ProviderDefinition[] = Object.values(providerRegistry);
const pairs = providers.flatMap((provider) =>
  (Object.keys(provider.endpoints) as EndpointName[])
    .filter((endpoint) => CASES[endpoint] !== undefined)
    .map((endpoint) => [`${provider.id} ${endpoint}`, provider, endpoint] as const),
);
const reachable = pairs.filter(
  ([, provider, endpoint]) => OPENAI_WIRE.has(provider.dialect) || NATIVE[endpoint]?.has(provider.dialect) === true,
);
const unreachable = pairs.filter((pair) => !reachable.includes(pair));

const keyFor = (id: string) => `key-${id}-0123456789`;

function clientFor(provider: ProviderDefinition): Client {
  const urlVariables = Object.fromEntries(Object.keys(provider.urlVariables).map((name) => [name, `var-${name}`]));
  return createClient({
    providers: {
      [provider.id]: {
        baseURL: `${server.url}/p/${provider.id}`,
        apiKey: keyFor(provider.id),
        urlVariables,
        // watsonx exchanges a key at IBM Cloud IAM; the key as a ready token keeps the test offline.
        ...(provider.dialect === 'watsonx' ? { accessToken: keyFor(provider.id) } : {}),
      },
    },
    maxRetries: 0,
  });
}

function expectedPath(provider: ProviderDefinition, endpoint: EndpointName, suffix: string): string {
  const template = provider.endpoints[endpoint]?.path ?? '';
  const model = endpoint === 'files' || endpoint === 'batches' || endpoint === 'responses' ? '' : 'test-model';
  const filled = template
    .replace('{model}', model)
    .replace(/\{([a-z0-9_]+)\}/g, (_whole, name: string) => `var-${name}`);
  // ElevenLabs takes the speech request's `voice` as its voice id, a segment after the path.
  const voice = endpoint === 'speech' && provider.dialect === 'elevenlabs' ? '/alloy' : '';
  return `/p/${provider.id}${filled.split('?')[0]}${voice}${suffix}`;
}

describe('every registry provider, every endpoint it declares', () => {
  it('covers the registry', () => {
    expect(reachable.length).toBeGreaterThanOrEqual(100);
    expect(new Set(reachable.map(([, , endpoint]) => endpoint)).size).toBe(Object.keys(CASES).length);
  });

  it.each(reachable)('%s: sent to the declared path with the provider auth', async (_name, provider, endpoint) => {
    const testCase = CASES[endpoint] as EndpointCase;
    server.handle(
      testCase.reply === undefined
        ? (_request, response) => {
            response.writeHead(200, { 'content-type': 'audio/mpeg' });
            response.end(Buffer.from([7]));
          }
        : sendJson(200, NATIVE_REPLIES[provider.dialect] ?? testCase.reply),
    );
    await testCase.call(clientFor(provider), provider.id);
    // The last request goes to the declared path (AssemblyAI uploads the audio first).
    const request = server.requests.at(-1);
    if (request === undefined) throw new Error('no request reached the mock');
    expect(request.method).toBe(testCase.method);
    expect(request.path).toBe(expectedPath(provider, endpoint, testCase.suffix ?? ''));
    const auth = provider.auth;
    if (auth.scheme === 'bearer') expect(request.headers.authorization).toBe(`Bearer ${keyFor(provider.id)}`);
    else if (auth.scheme === 'header')
      expect(request.headers[auth.header.toLowerCase()]).toBe(`${auth.prefix}${keyFor(provider.id)}`);
    for (const [name, value] of Object.entries(provider.quirks.query)) expect(request.query.get(name)).toBe(value);
  });

  it.each(unreachable)('%s: fails loudly without sending', async (_name, provider, endpoint) => {
    const error = await (CASES[endpoint] as EndpointCase).call(clientFor(provider), provider.id).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isLiterLlmError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'EndpointNotSupported', provider: provider.id });
    expect(String((error as Error).message)).toMatch(/gateway/);
    expect(server.requests).toHaveLength(0);
  });
});
