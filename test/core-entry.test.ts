import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groqProvider } from '../generated/providers/groq.js';
import { callInfo, createProviderClient } from '../src/core.js';
import { defineProvider } from '../src/define-provider.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from './support/mock-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Relative modules a file loads at run time (type-only imports and exports are erased). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[1] as string;
    specifiers.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
  }
  return specifiers;
}

function moduleGraph(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = entries.map((entry) => resolve(root, entry));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...runtimeImports(file));
  }
  return new Set([...seen].map((file) => relative(root, file)));
}

describe('liter-llm/core with one provider', () => {
  it('loads that provider module and nothing else of the registry', () => {
    const graph = moduleGraph(['src/core.ts', 'generated/providers/groq.ts']);
    const generated = [...graph].filter((file) => file.startsWith('generated/')).sort();
    expect(generated.filter((file) => file.startsWith('generated/providers/'))).toEqual(['generated/providers/groq.ts']);
    expect(graph.has('generated/registry.ts')).toBe(false);
    expect(graph.has('src/create-client.ts')).toBe(false);
  });

  it('reaches no native dialect, endpoint descriptor, middleware layer, price table or entry checker', () => {
    {
      const graph = [...moduleGraph(['src/core.ts', 'generated/providers/groq.ts'])];
      const dialects = new Set(graph.filter((file) => file.startsWith('src/dialects/')).map((file) => file.split('/')[2]));
      expect(dialects).toEqual(
        new Set([
          'create-conversion-shapes.ts',
          'create-lazy-authorizer-factory.ts',
          'load-dialect.ts',
          'openai',
          'operation-table.ts',
          'resolve-wire-shape.ts',
          'shared',
        ]),
      );
      // OpenAI's endpoint shapes (files, batches, responses, rerank, search, images, audio, ...) and
      // the native ones (cohere, jina, voyage, search: excluded above) load on first use only.
      expect(graph.filter((file) => file.startsWith('src/dialects/openai/endpoints/'))).toEqual([]);
      expect(graph).not.toContain('src/dialects/openai/endpoints/openai-endpoint-shapes.ts');
      expect(graph).not.toContain('src/streaming/read-response-stream.ts');
      expect(graph).not.toContain('src/transport/create-multipart-body.ts');
      expect(graph).not.toContain('src/middleware/create-middleware-stack.ts');
      expect(graph.filter((file) => /^src\/middleware\/[^/]+\/create-(?!unresolved-route)/.test(file))).toEqual([]);
      expect(graph.filter((file) => file.includes('pricing'))).toEqual([]);
      const validators = graph
        .filter((file) => file.startsWith('generated/validators/') && !/(create-schema-checker|format-schema-errors)\.ts$/.test(file))
        .sort();
      expect(validators).toEqual(
        // Chat's request validator is checked on every chat call; the other requests' load on first use.
        ['chat-completion-chunk', 'chat-completion-request', 'chat-completion-response', 'embedding-response', 'models-list-response'].map(
          (name) => `generated/validators/${name}.ts`,
        ),
      );
    }
  });

  it('while the main entry loads the whole registry, the layers and the entry checker', () => {
    const graph = moduleGraph(['src/index.ts']);
    expect(graph.has('generated/registry.ts')).toBe(true);
    expect([...graph].filter((file) => file.startsWith('generated/providers/')).length).toBeGreaterThanOrEqual(120);
    expect(graph.has('src/middleware/cache/create-cache-middleware.ts')).toBe(true);
    expect(graph.has('generated/validators/provider-entry.ts')).toBe(true);
  });

  describe('calls', () => {
    let server: MockServer;
    beforeAll(async () => {
      server = await startMockServer(sendJson(200, chatResponse('from core')));
    });
    afterAll(() => server.close());

    it('work with only the providers passed in', async () => {
      const client = createProviderClient([groqProvider], { providers: { groq: { baseURL: server.url, apiKey: 'gsk-core-test-key' } } });
      const reply = await client.provider('groq').chat({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Hi' }] });
      expect(reply.choices[0]?.message.content).toBe('from core');
      expect(callInfo(reply).provider).toBe('groq');
      await expect(client.chat({ model: 'openai/gpt-4o', messages: [] })).rejects.toThrow(/unknown provider "openai"/);
    });

    it('take JSON providers through defineProvider, checked like customProviders', async () => {
      const entry = {
        id: 'acme',
        name: 'Acme',
        kind: 'hosted',
        docs: 'https://acme.test/docs',
        baseURL: server.url,
        auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' },
        endpoints: { chat: { path: '/chat/completions' } },
        modelPrefixes: [],
        models: [],
      };
      const client = createProviderClient([defineProvider(entry)], { apiKeys: { acme: 'acme-key-123456' } });
      const reply = await client.provider('acme').chat({ model: 'acme-1', messages: [{ role: 'user', content: 'Hi' }] });
      expect(reply.choices[0]?.message.content).toBe('from core');
      expect(() => defineProvider({ ...entry, auth: { scheme: 'bearer' } })).toThrow(/^defineProvider\("acme"\): \/auth/);
      expect(() => createProviderClient([], { customProviders: [entry] })).toThrow(/defineProvider.*liter-llm\/define-provider/);
    });
  });
});
