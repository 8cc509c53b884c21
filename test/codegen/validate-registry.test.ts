import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { generateFiles } from '../../codegen/generate-files.js';
import { RegistryValidationError } from '../../codegen/registry-validation-error.js';
import { validateRegistry } from '../../codegen/validate-registry.js';
import { createScenarioInputs, REGISTRY_SCHEMA } from './create-scenario-inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'schemas/providers.json';

const alpha = {
  id: 'alpha',
  name: 'Alpha',
  kind: 'hosted',
  baseURL: 'https://api.alpha.dev/v1',
  auth: { scheme: 'bearer', envVar: 'ALPHA_API_KEY' },
  endpoints: { chat: { path: '/chat/completions' } },
  modelPrefixes: ['alpha-'],
};
const groq = {
  id: 'groq',
  name: 'Groq',
  kind: 'hosted',
  baseURL: 'https://api.groq.com/openai/v1',
  auth: { scheme: 'bearer', envVar: 'GROQ_API_KEY' },
  endpoints: { chat: { path: '/chat/completions' } },
  modelPrefixes: ['llama-'],
};

/** Validates `{ providers }` and returns the problem lines, or [] when valid. */
function problemsOf(providers: unknown[]): readonly string[] {
  try {
    validateRegistry({ path: FILE, data: { providers } }, { path: 'schemas/providers.schema.json', data: REGISTRY_SCHEMA });
    return [];
  } catch (error) {
    if (!(error instanceof RegistryValidationError)) throw error;
    expect(error.message.split('\n').slice(1)).toEqual(error.problems);
    return error.problems;
  }
}

describe('validateRegistry', () => {
  it('accepts a valid registry and returns its entries', () => {
    expect(problemsOf([alpha, groq])).toEqual([]);
  });

  it.each([
    {
      case: 'a missing required field',
      providers: [alpha, { ...groq, baseURL: undefined }],
      expected: `${FILE}: provider "groq" at /providers/1: must have required property "baseURL"`,
    },
    {
      case: 'an env var that breaks the pattern',
      providers: [alpha, { ...groq, auth: { scheme: 'bearer', envVar: 'groq_key' } }],
      expected: `${FILE}: provider "groq" at /providers/1/auth/envVar: must match pattern "^[A-Z][A-Z0-9_]*$"`,
    },
    {
      case: 'a duplicate id',
      providers: [groq, alpha, { ...groq, modelPrefixes: [] }],
      expected: `${FILE}: provider "groq" at /providers/2/id: duplicate id "groq" (first at /providers/0)`,
    },
    {
      case: 'a model prefix claimed by two providers',
      providers: [alpha, { ...groq, modelPrefixes: ['llama-', 'alpha-'] }],
      expected: `${FILE}: provider "groq" at /providers/1/modelPrefixes/1: model prefix "alpha-" is already claimed by provider "alpha" at /providers/0/modelPrefixes/0`,
    },
    {
      case: 'an undeclared placeholder',
      providers: [{ ...groq, baseURL: 'https://{region}.groq.com/v1' }],
      expected: `${FILE}: provider "groq" at /providers/0/baseURL: placeholder {region} is not declared in urlVariables`,
    },
    {
      case: 'an unknown dialect',
      providers: [{ ...groq, dialect: 'openai_v2' }],
      expected: `${FILE}: provider "groq" at /providers/0/dialect: must be one of "openai", "anthropic", "gemini", "vertex_ai", "bedrock", "cohere", "azure", "replicate", "sagemaker", "watsonx", "cloudflare", "huggingface", "ollama", "ai21", "aleph_alpha", "nlp_cloud", "predibase", "baseten", "petals", "voyage", "jina", "elevenlabs", "deepgram", "assemblyai", "search", "mistral_ocr", "custom"`,
    },
    {
      case: 'an endpoint path without a leading slash',
      providers: [{ ...groq, endpoints: { chat: { path: 'chat/completions' } } }],
      expected: `${FILE}: provider "groq" at /providers/0/endpoints/chat/path: must match pattern "^/[^\\s]*$"`,
    },
    {
      case: 'a field of the wrong type',
      providers: [{ ...groq, models: 'llama-3.3-70b' }],
      expected: `${FILE}: provider "groq" at /providers/0/models: must be array`,
    },
    {
      case: 'an unknown auth scheme',
      providers: [{ ...groq, auth: { scheme: 'basic', envVar: 'GROQ_API_KEY' } }],
      expected: `${FILE}: provider "groq" at /providers/0/auth/scheme: must be one of "bearer", "header", "query", "none"`,
    },
    {
      case: 'a header auth without its header',
      providers: [{ ...groq, auth: { scheme: 'header', envVar: 'GROQ_API_KEY' } }],
      expected: `${FILE}: provider "groq" at /providers/0/auth: must have required property "header"`,
    },
    {
      case: 'an unknown field',
      providers: [{ ...groq, baseUrl: 'https://api.groq.com' }],
      expected: `${FILE}: provider "groq" at /providers/0: must NOT have additional property "baseUrl"`,
    },
    {
      case: 'a bad url variable name',
      providers: [{ ...groq, urlVariables: { Region: { envVar: 'GROQ_REGION' } } }],
      expected: `${FILE}: provider "groq" at /providers/0/urlVariables/Region: property name must match pattern "^[a-z][a-z0-9_]*$"`,
    },
    {
      case: 'an id that is not readable',
      providers: [alpha, { ...groq, id: 42 }],
      expected: `${FILE}: provider #1 at /providers/1/id: must be string`,
    },
    {
      case: 'two ids deriving the same names',
      providers: [{ ...alpha, id: 'ab1' }, { ...groq, id: 'ab_1' }],
      expected: `${FILE}: provider "ab_1" at /providers/1/id: id "ab_1" derives the same names as provider "ab1" (ab1Provider, Ab1ModelId); rename one of them`,
    },
  ])('reports $case with the provider, the JSON pointer and the reason', ({ providers, expected }) => {
    expect(problemsOf(providers)).toEqual([expected]);
  });

  it('reports a problem outside any provider with its pointer', () => {
    expect(problemsOf([])).toEqual([`${FILE}: at /providers: must NOT have fewer than 1 items`]);
  });

  it('collects every problem of every provider, in registry order, before failing', () => {
    const problems = problemsOf([
      { ...groq, auth: { scheme: 'bearer', envVar: 'lower' }, endpoints: { chat: { path: 'x' } } },
      { ...alpha, baseURL: 'https://{host}/v1' },
      { ...groq, name: '' },
    ]);
    expect(problems).toEqual([
      `${FILE}: provider "groq" at /providers/0/auth/envVar: must match pattern "^[A-Z][A-Z0-9_]*$"`,
      `${FILE}: provider "groq" at /providers/0/endpoints/chat/path: must match pattern "^/[^\\s]*$"`,
      `${FILE}: provider "alpha" at /providers/1/baseURL: placeholder {host} is not declared in urlVariables`,
      `${FILE}: provider "groq" at /providers/2/name: must NOT have fewer than 1 characters`,
      `${FILE}: provider "groq" at /providers/2/id: duplicate id "groq" (first at /providers/0)`,
      `${FILE}: provider "groq" at /providers/2/modelPrefixes/0: model prefix "llama-" is already claimed by provider "groq" at /providers/0/modelPrefixes/0`,
    ]);
  });

  it('makes generateFiles fail with a RegistryValidationError', async () => {
    await expect(generateFiles(createScenarioInputs({ providers: [{ ...groq, kind: 'cloud' }] }))).rejects.toThrow(
      new RegistryValidationError(FILE, [`${FILE}: provider "groq" at /providers/0/kind: must be one of "hosted", "local"`]),
    );
  });

  it('makes the CLI exit with code 1 and print the problems without a stack trace', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'liter-llm-codegen-'));
    try {
      const registryPath = path.join(directory, 'providers.json');
      writeFileSync(registryPath, JSON.stringify({ providers: [{ ...groq, auth: { scheme: 'bearer', envVar: 'x' } }] }));
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'codegen/generate.ts', '--registry', registryPath, '--out', path.join(directory, 'out')],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`provider "groq" at /providers/0/auth/envVar: must match pattern "^[A-Z][A-Z0-9_]*$"`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
