import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildDist } from '../../scripts/build-dist.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

// The package's own JavaScript, built as `npm run build` builds it, loaded and called.
describe('buildDist', () => {
  // Inside the repo, so that the bundles resolve their dependencies from node_modules.
  const outDir = mkdtempSync(join(process.cwd(), '.tmp-dist-'));
  let server: MockServer;
  beforeAll(async () => {
    await buildDist(outDir);
    server = await startMockServer(sendJson(200, chatResponse('from dist')));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('emits the public entries, one data module per provider, and lazy chunks per dialect', () => {
    for (const entry of ['index.js', 'core.js', 'middleware.js', 'define-provider.js']) expect(readdirSync(outDir)).toContain(entry);
    const providers = readdirSync(join(outDir, 'providers')).filter((file) => file.endsWith('.js'));
    expect(providers.length).toBe(readdirSync(join('generated', 'providers')).length);
    const openai = readFileSync(join(outDir, 'providers', 'openai.js'), 'utf8');
    expect(openai).toMatch(/JSON\.parse\(/);
    expect(openai).not.toMatch(/\bimport\b/);
    const chunks = readdirSync(join(outDir, 'chunks'));
    for (const dialect of ['anthropic', 'bedrock', 'gemini', 'cohere', 'azure', 'vertex-ai']) {
      expect(chunks.some((file) => file.startsWith(`${dialect}-dialect-`))).toBe(true);
    }
    // Each wire format's endpoint shapes (images, files, rerank, search, ...) load on first use too.
    for (const dialect of ['openai', 'cohere', 'jina', 'voyage', 'search']) {
      expect(chunks.some((file) => file.startsWith(`${dialect}-endpoint-shapes-`))).toBe(true);
    }
    expect(chunks.some((file) => file.startsWith('create-middleware-stack-'))).toBe(true);
    expect(chunks.some((file) => file.startsWith('pricing-'))).toBe(true);
  });

  it('imports no package at run time: the two small dependencies are bundled in', () => {
    const files = [...['index.js', 'core.js', 'middleware.js'].map((file) => join(outDir, file)), ...readdirSync(join(outDir, 'chunks')).filter((file) => file.endsWith('.js')).map((file) => join(outDir, 'chunks', file))];
    const bare = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?"([^".][^"]*)"/g)) bare.add(match[1] as string);
    }
    expect([...bare].filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
    // The optional transport is the one module that imports a package: undici, the user's install.
    const transport = readFileSync(join(outDir, 'undici.js'), 'utf8');
    expect(new Set([...transport.matchAll(/from\s*"([^"]+)"/g)].map((match) => match[1]))).toEqual(new Set(['node:stream', 'undici']));
  });

  it('loads and calls through the built core entry and a built provider module', async () => {
    const core = (await import(pathToFileURL(join(outDir, 'core.js')).href)) as typeof import('../../src/core.js');
    const { groqProvider } = (await import(pathToFileURL(join(outDir, 'providers', 'groq.js')).href)) as typeof import('../../generated/providers/groq.js');
    const client = core.createProviderClient([groqProvider], { providers: { groq: { baseURL: server.url, apiKey: 'gsk-dist-test-key' } } });
    const reply = await client.provider('groq').chat({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Hi' }] });
    expect(reply.choices[0]?.message.content).toBe('from dist');
    expect(core.callInfo(reply).provider).toBe('groq');
  });

  it('serves the main entry with the whole registry, and runs configured layers from their chunk', async () => {
    const main = (await import(pathToFileURL(join(outDir, 'index.js')).href)) as typeof import('../../src/index.js');
    expect(main.providerIds.length).toBe(Object.keys(main.providerRegistry).length);
    const seen: string[] = [];
    const client = main.createClient({
      providers: { openai: { baseURL: server.url, apiKey: 'sk-dist-test-key' } },
      hooks: [{ onResponse: (event) => void seen.push(event.route.provider) }],
    });
    const reply = await client.chat({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    expect(reply.choices[0]?.message.content).toBe('from dist');
    expect(seen).toEqual(['openai']);
    expect(() => main.createClient({ rateLimit: {} })).toThrow(main.ConfigurationError);
    // Minified, yet classes and functions keep their names for logs and stack traces.
    expect(inspect(new main.ConfigurationError('x'))).toMatch(/^ConfigurationError: x/);
    expect([main.createClient.name, main.RateLimitedError.name]).toEqual(['createClient', 'RateLimitedError']);
  });
});
