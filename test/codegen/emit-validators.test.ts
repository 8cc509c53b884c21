import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateFiles } from '../../codegen/generate-files.js';
import { listOutputFiles } from '../../codegen/list-output-files.js';
import { createScenarioInputs } from './create-scenario-inputs.js';
import { SCENARIOS } from './scenarios.js';

type Validate = (data: unknown) => string | undefined;

const goodResponse = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

const goodEntry = {
  id: 'groq',
  name: 'Groq',
  kind: 'hosted',
  baseURL: 'https://api.groq.com/openai/v1',
  auth: { scheme: 'bearer', envVar: 'GROQ_API_KEY' },
  endpoints: { chat: { path: '/chat/completions' } },
};

/**
 * The generated validators, transpiled to plain JavaScript in a temporary directory that has no
 * node_modules: importing them proves they need neither ajv nor anything else at run time.
 */
describe('generated validators', () => {
  let directory: string;
  let validateChatCompletionResponse: Validate;
  let validateProviderEntry: Validate;

  beforeAll(async () => {
    const files = await generateFiles(createScenarioInputs(SCENARIOS[0]?.registry));
    directory = mkdtempSync(path.join(tmpdir(), 'liter-llm-validators-'));
    writeFileSync(path.join(directory, 'package.json'), '{ "type": "module" }\n');
    for (const [file, content] of files) {
      if (!file.startsWith('validators/')) continue;
      const target = path.join(directory, file.replace(/\.ts$/, '.js'));
      mkdirSync(path.dirname(target), { recursive: true });
      const { outputText } = ts.transpileModule(content, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      });
      writeFileSync(target, outputText);
    }
    const load = (name: string) => import(pathToFileURL(path.join(directory, 'validators', `${name}.js`)).href);
    ({ validateChatCompletionResponse } = await load('chat-completion-response'));
    ({ validateProviderEntry } = await load('provider-entry'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('accept good samples', () => {
    expect(validateChatCompletionResponse(goodResponse)).toBeUndefined();
    expect(validateProviderEntry(goodEntry)).toBeUndefined();
  });

  it('reject bad samples with messages that name the field', () => {
    expect(validateChatCompletionResponse({ ...goodResponse, id: 7 })).toBe('/id must be string');
    expect(validateChatCompletionResponse({ ...goodResponse, id: '' })).toBe('/id must NOT have fewer than 1 characters');
    expect(validateChatCompletionResponse({ ...goodResponse, object: 'list' })).toBe('/object must be "chat.completion"');
    expect(validateChatCompletionResponse({ ...goodResponse, usage: { total_tokens: 'many' } })).toBe(
      '/usage must have required property "prompt_tokens"; /usage must have required property "completion_tokens"; /usage/total_tokens must be integer',
    );
    expect(validateChatCompletionResponse(null)).toBe('(root) must be object');
    expect(validateProviderEntry({ ...goodEntry, auth: { scheme: 'bearer', envVar: 'groq-key' } })).toBe(
      '/auth/envVar must match pattern "^[A-Z][A-Z0-9_]*$"',
    );
  });

  it('report an alternative of a tagged oneOf once, at the tag or inside the chosen alternative', () => {
    const withMessage = (message: unknown) => ({ ...goodResponse, choices: [{ ...goodResponse.choices[0], message }] });
    expect(validateChatCompletionResponse(withMessage({ role: 'user', content: null }))).toBe(
      '/choices/0/message/content must be string',
    );
    expect(validateChatCompletionResponse(withMessage({ role: 'robot', content: 'x' }))).toBe(
      '/choices/0/message/role must be one of the values the schema allows',
    );
    expect(validateChatCompletionResponse(withMessage('hello'))).toBe('/choices/0/message must be object');
  });

  it('list at most five problems and count the rest', () => {
    const message = validateProviderEntry({ extra1: 1, extra2: 2, extra3: 3, extra4: 4, extra5: 5, extra6: 6 });
    expect(message?.split('; ')).toHaveLength(6);
    expect(message).toMatch(/; and \d+ more problems$/);
  });

  it('never echo the validated values', () => {
    const secret = 'sk-secret-value-1234';
    const message = validateProviderEntry({ ...goodEntry, auth: { scheme: secret, envVar: secret }, kind: secret });
    expect(message).toBeDefined();
    expect(message).not.toContain(secret);
  });

  it('import nothing from outside generated/ (no ajv)', async () => {
    const files = await generateFiles(createScenarioInputs(SCENARIOS[0]?.registry));
    for (const [file, content] of files) {
      expect(content, file).not.toMatch(/require\(|from ['"]ajv|import\(['"]ajv/);
      for (const [, specifier] of content.matchAll(/^(?:import|export)\b[^'"]*from '([^']+)'/gm)) {
        expect(specifier === '../../src/provider-definition.js' || specifier?.startsWith('.'), `${file}: ${specifier}`).toBe(true);
      }
    }
  });

  it('on disk import nothing from ajv either', () => {
    const generatedDir = fileURLToPath(new URL('../../generated/', import.meta.url));
    for (const file of listOutputFiles(generatedDir)) {
      expect(file.endsWith('.ts'), file).toBe(true);
    }
    const offending = listOutputFiles(generatedDir).filter((file) =>
      /from ['"]ajv|require\(['"]ajv/.test(ts.sys.readFile(path.join(generatedDir, file)) ?? ''),
    );
    expect(offending).toEqual([]);
  });
});
