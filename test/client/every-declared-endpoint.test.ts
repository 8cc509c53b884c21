import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerRegistry } from '../../generated/registry.js';
import { createClient, isLiterLlmError, type ClientOptions, type EndpointName, type ProviderDefinition } from '../../src/index.js';
import { ADAPTER_CASES } from '../dialects/adapter-cases-by-dialect.js';
import { wireReplyHandler } from '../dialects/wire-reply-handler.js';
import { chatResponse, sendJson, startMockServer, type MockHandler, type MockServer } from '../support/mock-server.js';

/**
 * The registry's promise, checked for every entry: no provider declares an endpoint the runtime
 * cannot serve. Each declared endpoint is called through the client against a loopback server;
 * the test fails when the call throws `EndpointNotSupportedError` or sends nothing. The loopback's
 * answer only needs to be good enough for the wire format (a reply the dialect cannot read is not
 * what this test is about: each dialect's own tests pin its conversions).
 */


type Client = ReturnType<typeof createClient>;

const bytes = new Uint8Array([1, 2, 3]);
const model = (id: string) => `${id}/test-model`;

/** One call per endpoint, and an OpenAI-shaped answer for wire formats without one below. */
const CALLS: Readonly<Record<EndpointName, { readonly reply: unknown; readonly call: (client: Client, id: string) => Promise<unknown> }>> = {
  chat: { reply: chatResponse('Hi'), call: (client, id) => client.chat({ model: model(id), messages: [{ role: 'user', content: 'Hi' }] }) },
  embeddings: {
    reply: { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1] }], model: 'test-model' },
    call: (client, id) => client.embed({ model: model(id), input: 'Hi' }),
  },
  models: { reply: { object: 'list', data: [] }, call: (client, id) => client.listModels({ provider: id as 'openai' }) },
  completions: { reply: { choices: [{ text: 'x' }] }, call: (client, id) => client.completion({ model: model(id), prompt: 'Hi' }) },
  images: { reply: { data: [{ url: 'u' }] }, call: (client, id) => client.imageGenerate({ model: model(id), prompt: 'a cat' }) },
  speech: {
    reply: undefined,
    call: async (client, id) => (await client.speech({ model: model(id), input: 'Hi', voice: 'alloy' })).bytes(),
  },
  transcriptions: { reply: { text: 't' }, call: (client, id) => client.transcribe({ model: model(id), file: bytes }) },
  translations: { reply: { text: 't' }, call: (client, id) => client.translate({ model: model(id), file: bytes }) },
  moderations: { reply: { results: [] }, call: (client, id) => client.moderate({ model: model(id), input: 'x' }) },
  rerank: { reply: { results: [] }, call: (client, id) => client.rerank({ model: model(id), query: 'q', documents: ['a'] }) },
  search: { reply: { results: [] }, call: (client, id) => client.search({ model: model(id), query: 'q' }) },
  ocr: {
    reply: { pages: [] },
    call: (client, id) => client.ocr({ model: model(id), document: { type: 'document_url', document_url: 'https://x/a.pdf' } }),
  },
  files: { reply: { data: [] }, call: (client, id) => client.files.list(undefined, { provider: id as 'openai' }) },
  batches: { reply: { data: [] }, call: (client, id) => client.batches.list(undefined, { provider: id as 'openai' }) },
  responses: { reply: { id: 'r' }, call: (client, id) => client.responses.retrieve('resp_1', { provider: id as 'openai' }) },
};

const casesByDialect = new Map(ADAPTER_CASES.map((cases) => [cases.dialect, cases]));

/** The loopback's answer: a native dialect's documented chat reply where the adapter cases have one. */
function replyFor(provider: ProviderDefinition, endpoint: EndpointName): MockHandler {
  const native = endpoint === 'chat' ? casesByDialect.get(provider.dialect)?.text?.reply : undefined;
  if (native !== undefined) return wireReplyHandler(native);
  const { reply } = CALLS[endpoint];
  if (reply !== undefined) return sendJson(200, reply);
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'audio/mpeg' });
    response.end(Buffer.from([7]));
  };
}

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

function clientFor(provider: ProviderDefinition): Client {
  const cases = casesByDialect.get(provider.dialect);
  // A dialect's own test provider takes its credentials from its cases (OAuth token, AWS keys).
  const extra: ClientOptions = cases?.providerId === provider.id ? (cases.clientOptions?.(server.url) ?? {}) : {};
  const urlVariables = Object.fromEntries(Object.keys(provider.urlVariables).map((name) => [name, `var-${name}`]));
  return createClient({
    ...extra,
    providers: {
      ...extra.providers,
      [provider.id]: {
        apiKey: `key-${provider.id}-0123456789`,
        ...extra.providers?.[provider.id],
        baseURL: `${server.url}/p/${provider.id}`,
        urlVariables,
      },
    },
    maxRetries: 0,
  });
}

/** What went wrong calling one endpoint, or undefined when the runtime built and sent it. */
async function callEndpoint(provider: ProviderDefinition, endpoint: EndpointName): Promise<string | undefined> {
  server.requests.length = 0;
  server.handle(replyFor(provider, endpoint));
  let failure: unknown;
  try {
    await CALLS[endpoint].call(clientFor(provider), provider.id);
  } catch (error) {
    failure = error;
  }
  if (isLiterLlmError(failure) && failure.kind === 'EndpointNotSupported') return `EndpointNotSupportedError: ${failure.message}`;
  const sent = server.requests.filter((request) => request.path.startsWith(`/p/${provider.id}/`) || request.path === `/p/${provider.id}`);
  if (sent.length === 0) return `nothing sent to the loopback (${failure === undefined ? 'no error' : String(failure)})`;
  return undefined;
}

const pairs = Object.values(providerRegistry).flatMap((provider) =>
  (Object.keys(provider.endpoints) as EndpointName[]).map((endpoint) => ({ name: `${provider.id} ${endpoint}`, provider, endpoint })),
);

describe('every declared endpoint of every registry provider', () => {
  it('is served: the runtime builds and sends each request', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    for (const { name, provider, endpoint } of pairs) {
      const failure = await callEndpoint(provider, endpoint);
      if (failure !== undefined) failures.push(`${name}: ${failure}`);
    }
    expect(failures, `declared endpoints the runtime cannot serve:\n${failures.join('\n')}`).toEqual([]);
  });
});
