import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../codegen/generate-files.js';
import { loadInputs } from '../codegen/load-inputs.js';
import { callInfo, createClient } from '../src/index.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from './support/mock-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The JSON block under `<!-- example:acme-provider -->` in the README: the test follows the docs. */
function readmeExample(): Record<string, unknown> {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const match = /<!-- example:acme-provider -->\s*```json\n([\s\S]*?)```/.exec(readme);
  if (match === null) throw new Error('README lost its "Adding a provider through JSON" example');
  return JSON.parse(match[1] as string) as Record<string, unknown>;
}

describe('README: adding a provider through JSON', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  it('generates a typed module and a registry entry for the new provider', async () => {
    const entry = readmeExample();
    const inputs = loadInputs({ rootDir: root });
    const registry = inputs.registry.data as { providers: Array<{ id: string }> };
    const providers = [...registry.providers, entry as { id: string }].sort((a, b) => a.id.localeCompare(b.id));
    const files = await generateFiles({ ...inputs, registry: { ...inputs.registry, data: { ...registry, providers } } });

    const module = files.get('providers/acme.ts');
    expect(module).toBeDefined();
    expect(module).toContain('export type AcmeModelId =');
    expect(module).toContain("'acme-large'");
    expect(module).toContain('export const acmeProvider =');
    const registryModule = files.get('registry.ts') ?? '';
    expect(registryModule).toContain("import { acmeProvider, type AcmeModelId } from './providers/acme.js';");
    expect(registryModule).toMatch(/acme: \{\s*readonly modelId: AcmeModelId;/);
  });

  it('fails generate with the provider id, JSON path and reason when the entry is wrong', async () => {
    const entry = { ...readmeExample(), auth: { scheme: 'bearer', envVar: 'acme_api_key' } };
    const inputs = loadInputs({ rootDir: root });
    const registry = inputs.registry.data as { providers: unknown[] };
    const broken = { ...inputs, registry: { ...inputs.registry, data: { ...registry, providers: [...registry.providers, entry] } } };
    await expect(generateFiles(broken)).rejects.toThrow(/provider "acme" at \/providers\/\d+\/auth\/envVar: must match pattern/);
  });

  it('serves calls with its quirks when registered at run time', async () => {
    const client = createClient({
      customProviders: [readmeExample()],
      providers: { acme: { baseURL: server.url, apiKey: 'acme-test-key-0001' } },
    });
    server.handle(sendJson(200, chatResponse('Hi from Acme')));
    const reply = await client.chat({
      model: 'acme-large',
      messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      max_completion_tokens: 64,
    });
    expect(reply.choices[0]?.message.content).toBe('Hi from Acme');
    expect(callInfo(reply).provider).toBe('acme');
    expect(server.requests[0]?.body).toEqual({
      model: 'acme-large',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      max_tokens: 64,
    });

    server.handle(sendSse([chatChunk('ok', 'stop')]));
    for await (const chunk of client.chatStream({ model: 'acme/acme-small', messages: [{ role: 'user', content: 'Hi' }] })) void chunk;
    expect(server.requests[1]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });
});
