// Real calls through every entry of the installed package, for the ES module and the CommonJS
// consumer alike: each loads the entries its own way and passes them in. Prints what the test checks.
import assert from 'node:assert/strict';

/**
 * @param {{ main: any, core: any, middleware: any, defineProvider: any, undici: any }} entries
 * @param {(name: string) => Promise<any> | any} loadProvider loads `liter-llm/providers/<name>`
 * @param {string} baseURL the loopback mock
 * @param {string[]} providerModuleNames every `<name>` the package ships
 */
export async function exercisePackage(entries, loadProvider, baseURL, providerModuleNames) {
  const { main, core, middleware, defineProvider, undici } = entries;
  const messages = [{ role: 'user', content: 'Hi' }];
  const hooked = [];

  // The main entry, with a middleware layer (loaded from its own chunk) and a stream.
  const client = main.createClient({
    providers: { openai: { baseURL, apiKey: 'sk-packed-main' } },
    hooks: [{ onResponse: (event) => void hooked.push(event.route.provider) }],
  });
  const reply = await client.chat({ model: 'openai/gpt-4o-mini', messages });
  const streamed = [];
  for await (const chunk of client.chatStream({ model: 'openai/gpt-4o-mini', messages })) {
    streamed.push(chunk.choices[0]?.delta?.content ?? '');
  }

  // `liter-llm/core` with one provider module, sending through the undici transport.
  const transport = undici.createUndiciFetch();
  const { groqProvider } = await loadProvider('groq');
  const coreClient = core.createProviderClient([groqProvider], {
    providers: { groq: { baseURL, apiKey: 'gsk-packed-core' } },
    fetch: transport,
    middleware: [middleware.createHooksMiddleware([{ onResponse: (event) => void hooked.push(`core:${event.route.provider}`) }])],
  });
  const coreReply = await coreClient.provider('groq').chat({ model: 'llama-3.3-70b-versatile', messages });
  await transport.close();

  // A JSON provider checked by `liter-llm/define-provider`.
  const acme = defineProvider.defineProvider({
    id: 'acme', name: 'Acme', kind: 'hosted', docs: 'https://acme.test/docs', baseURL: `${baseURL}/acme`,
    auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' }, endpoints: { chat: { path: '/chat/completions' } },
    modelPrefixes: [], models: [],
  });
  const acmeReply = await core.createProviderClient([acme], { apiKey: 'acme-packed' }).provider('acme').chat({ model: 'm', messages });

  // A provider error is the package's typed error, the same class whichever entry exports it.
  const refused = main.createClient({ providers: { openai: { baseURL, apiKey: 'sk-rejected' } } });
  const rejected = await refused.chat({ model: 'openai/gpt-4o-mini', messages }).catch((error) => error);
  assert.ok(rejected instanceof main.AuthenticationError, `expected an AuthenticationError, got ${rejected}`);
  assert.ok(rejected instanceof core.LiterLlmError);

  // Every provider module loads on its own, and together they hold every provider of the registry.
  const held = new Set();
  for (const name of providerModuleNames) {
    const providers = Object.values(await loadProvider(name)).filter((value) => typeof value?.id === 'string');
    assert.equal(providers.length, 1, `liter-llm/providers/${name} holds ${providers.length} providers`);
    held.add(providers[0].id);
  }
  assert.deepEqual([...held].sort(), [...main.providerIds].sort());

  return {
    contents: [reply.choices[0].message.content, streamed.join(''), coreReply.choices[0].message.content, acmeReply.choices[0].message.content],
    provider: main.callInfo(reply).provider,
    hooked,
    errorName: rejected.name,
    status: rejected.status,
    providerModules: held.size,
  };
}
