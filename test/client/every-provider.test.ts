import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { providerRegistry } from '../../generated/registry.js';
import { isDialectImplemented } from '../../src/dialects/load-dialect.js';
import { createClient, isLiterLlmError, type ClientOptions, type ProviderDefinition } from '../../src/index.js';
import { findAdapterCases } from '../dialects/adapter-cases-by-dialect.js';
import { wireReplyHandler } from '../dialects/wire-reply-handler.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;
const providers: ProviderDefinition[] = Object.values(providerRegistry);
/** Dialects whose chat is OpenAI's wire format (Cloudflare Workers AI: its OpenAI-compatible endpoint). */
const OPENAI_CHAT = new Set(['openai', 'cloudflare']);
const openAiChat = providers.filter((provider) => OPENAI_CHAT.has(provider.dialect) && provider.endpoints.chat !== undefined);
/** Providers on a native dialect: answered in their wire format, from that dialect's adapter cases. */
const nativeChat = providers.filter(
  (provider) => !OPENAI_CHAT.has(provider.dialect) && provider.endpoints.chat !== undefined && isDialectImplemented(provider.dialect),
);
const others = providers.filter((provider) => !openAiChat.includes(provider) && !nativeChat.includes(provider));

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const keyFor = (id: string) => `key-${id}-0123456789`;
const messages = [
  { role: 'developer' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Hi' },
];

function clientFor(provider: ProviderDefinition, extra: ClientOptions = {}) {
  const urlVariables = Object.fromEntries(Object.keys(provider.urlVariables).map((name) => [name, `var-${name}`]));
  return createClient({
    ...extra,
    providers: {
      ...extra.providers,
      [provider.id]: {
        apiKey: keyFor(provider.id),
        ...extra.providers?.[provider.id],
        baseURL: `${server.url}/p/${provider.id}`,
        urlVariables,
      },
    },
    maxRetries: 0,
  });
}

/** The path the provider's registry entry says a chat request goes to. */
function expectedPath(provider: ProviderDefinition, model: string): string {
  const template = provider.endpoints.chat?.path ?? '';
  const filled = template
    .replace('{model}', encodeURIComponent(model))
    .replace(/\{([a-z0-9_]+)\}/g, (_whole, name: string) => `var-${name}`);
  return `/p/${provider.id}${filled.split('?')[0]}`;
}

function checkAuth(provider: ProviderDefinition, request: (typeof server.requests)[number]): void {
  const key = keyFor(provider.id);
  const auth = provider.auth;
  if (auth.scheme === 'bearer') expect(request.headers.authorization).toBe(`Bearer ${key}`);
  else if (auth.scheme === 'header') expect(request.headers[auth.header.toLowerCase()]).toBe(`${auth.prefix}${key}`);
  else if (auth.scheme === 'query') expect(request.query.get(auth.param)).toBe(key);
  else expect(request.headers.authorization).toBeUndefined();
}

function checkQuirks(provider: ProviderDefinition, request: (typeof server.requests)[number]): void {
  const body = request.body as Record<string, unknown> & { messages: Array<{ role: string }> };
  const quirks = provider.quirks;
  expect(body.model).toBe('test-model');
  expect(body.messages[0]?.role).toBe(quirks.roleMap.developer ?? 'developer');
  for (const [name, value] of Object.entries(quirks.headers)) expect(request.headers[name.toLowerCase()]).toBe(value);
  for (const [name, value] of Object.entries(quirks.query)) expect(request.query.get(name)).toBe(value);
  for (const name of quirks.dropParams) expect(body[name]).toBeUndefined();
  const renamed = quirks.renameParams.max_completion_tokens;
  if (renamed !== undefined) {
    expect(body.max_completion_tokens).toBeUndefined();
    expect(body[renamed]).toBe(10);
  } else if (!quirks.dropParams.includes('max_completion_tokens')) {
    expect(body.max_completion_tokens).toBe(10);
  }
  for (const [name, value] of Object.entries(quirks.defaultParams)) {
    if (name !== renamed) expect(body[name]).toEqual(value);
  }
}

describe('every OpenAI-compatible registry provider', () => {
  it('covers the registry', () => {
    expect(providers.length).toBeGreaterThanOrEqual(120);
    expect(openAiChat.length).toBeGreaterThanOrEqual(80);
    expect(openAiChat.length + nativeChat.length + others.length).toBe(providers.length);
  });

  it.each(openAiChat.map((provider) => [provider.id, provider] as const))('%s: chat and stream', async (_id, provider) => {
    const client = clientFor(provider);
    server.handle(sendJson(200, chatResponse('Hello!')));
    const reply = await client.chat({ model: `${provider.id}/test-model`, messages, max_completion_tokens: 10 });
    expect(reply.choices[0]?.message.content).toBe('Hello!');
    const [request] = server.requests;
    if (request === undefined) throw new Error('no request reached the mock');
    expect(request.method).toBe('POST');
    expect(request.path).toBe(expectedPath(provider, 'test-model'));
    checkAuth(provider, request);
    checkQuirks(provider, request);
    expect((request.body as Record<string, unknown>).stream).toBeUndefined();

    server.handle(sendSse([chatChunk('Hel'), chatChunk('lo', 'stop')]));
    let text = '';
    for await (const chunk of client.chatStream({ model: `${provider.id}/test-model`, messages, max_completion_tokens: 10 })) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text).toBe('Hello');
    const streamRequest = server.requests[1];
    if (streamRequest === undefined) throw new Error('no stream request reached the mock');
    expect(streamRequest.path).toBe(expectedPath(provider, 'test-model'));
    checkAuth(provider, streamRequest);
    checkQuirks(provider, streamRequest);
    const streamBody = streamRequest.body as Record<string, unknown>;
    expect(streamBody.stream).toBe(true);
    expect(streamBody.stream_options).toEqual(provider.quirks.streamUsage ? { include_usage: true } : undefined);
  });

  it.each(nativeChat.map((provider) => [provider.id, provider] as const))('%s: chat and stream in its own wire format', async (_id, provider) => {
    const cases = findAdapterCases(provider);
    if (cases?.text === undefined || cases.textStream === undefined) {
      throw new Error(`dialect ${provider.dialect} has no adapter cases with text and textStream replies`);
    }
    // The dialect's own test provider needs its credentials (OAuth token, AWS keys); others take a key.
    const extra = cases.providerId === provider.id ? (cases.clientOptions?.(server.url) ?? {}) : {};
    const client = clientFor(provider, extra);
    const model = `${provider.id}/${cases.model}`;
    server.handle(wireReplyHandler(cases.text.reply));
    const reply = await client.chat({ model, messages });
    expect(reply.choices[0]?.message.content).toBe(cases.text.expected.content);
    expect(reply.choices[0]?.finish_reason).toBe(cases.text.expected.finishReason);
    expect(server.requests[0]?.path.startsWith(`/p/${provider.id}/`)).toBe(true);

    server.handle(wireReplyHandler(cases.textStream.reply));
    let text = '';
    for await (const chunk of client.chatStream({ model, messages })) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe(cases.textStream.expected.content);
    expect(server.requests[1]?.path.startsWith(`/p/${provider.id}/`)).toBe(true);
  });

  it.each(others.map((provider) => [provider.id, provider] as const))('%s: fails loudly without sending', async (_id, provider) => {
    const client = clientFor(provider);
    const error = await client.chat({ model: `${provider.id}/test-model`, messages }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isLiterLlmError(error)).toBe(true);
    expect((error as { kind: string }).kind).toMatch(/EndpointNotSupported|Configuration/);
    expect(String((error as Error).message)).toContain(provider.id);
    expect(server.requests).toHaveLength(0);
  });
});
