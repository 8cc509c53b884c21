import { describe, expect, it } from 'vitest';

import { CodegenError } from '../../codegen/codegen-error.js';
import { generateFiles } from '../../codegen/generate-files.js';
import { createScenarioInputs } from './create-scenario-inputs.js';
import { SCENARIOS } from './scenarios.js';

const usage = { type: 'object', required: ['total_tokens'], properties: { total_tokens: { type: 'integer' } } };
const family = (name: string, definitions: Record<string, unknown>, validators: string[] = []) => ({
  path: `schemas/api/${name}.json`,
  data: { $schema: 'https://json-schema.org/draft/2020-12/schema', 'x-validators': validators, $defs: definitions },
});
const registry = SCENARIOS[0]?.registry;

describe('emitWireTypes', () => {
  it('writes one types module per family and re-exports a type shared by identical definitions once', async () => {
    const files = await generateFiles(
      createScenarioInputs(registry, [
        family('embeddings', { EmbeddingResponse: { type: 'object', properties: { usage: { $ref: '#/$defs/Usage' } } }, Usage: usage }, [
          'EmbeddingResponse',
        ]),
        family('chat', { ChatResponse: { type: 'object', properties: { usage: { $ref: '#/$defs/Usage' } } }, Usage: usage }, ['Usage']),
      ]),
    );
    expect([...files.keys()].filter((path) => path.startsWith('types/'))).toEqual([
      'types/chat.ts',
      'types/embeddings.ts',
      'types/index.ts',
      'types/provider-entry.ts',
    ]);
    expect(files.get('types/index.ts')).toContain("export type {\n  ChatResponse,\n  Usage\n} from './chat.js';");
    expect(files.get('types/index.ts')).toContain("export type {\n  EmbeddingResponse\n} from './embeddings.js';");
    expect(files.get('types/embeddings.ts')).toContain('export interface Usage {\n  total_tokens: number;\n}');
    expect(files.get('types/chat.ts')).not.toContain('LiterLlmCodegenWrapper');
    expect(files.get('types/chat.ts')).not.toContain('was referenced by');
    expect([...files.keys()].filter((path) => path.startsWith('validators/'))).toEqual([
      'validators/create-schema-checker.ts',
      'validators/embedding-response.ts',
      'validators/format-schema-errors.ts',
      'validators/provider-entry.ts',
      'validators/usage.ts',
    ]);
  });

  it('fails when two families declare the same type name differently', async () => {
    const inputs = createScenarioInputs(registry, [
      family('chat', { Usage: usage }),
      family('embeddings', { Usage: { type: 'object', properties: { prompt_tokens: { type: 'integer' } } } }),
    ]);
    await expect(generateFiles(inputs)).rejects.toThrow(CodegenError);
    await expect(generateFiles(inputs)).rejects.toThrow(
      'type Usage is declared differently by schemas/api/chat.json and schemas/api/embeddings.json',
    );
  });

  it('types the registry schema with open records where the schema leaves them open', async () => {
    const files = await generateFiles(createScenarioInputs(registry));
    const types = files.get('types/provider-entry.ts') ?? '';
    expect(types).toContain('export interface ProviderEntry {');
    expect(types).toContain('export interface ProviderRegistry {');
    expect(types).toMatch(/defaultParams\?: \{\n\s+\[k: string\]: unknown;\n\s+\};/);
  });
});
