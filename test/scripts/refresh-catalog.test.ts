import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

import { CodegenError } from '../../codegen/codegen-error.js';
import { flattenCatalog } from '../../scripts/refresh-catalog.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const directory = mkdtempSync(path.join(tmpdir(), 'liter-refresh-catalog-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

type Catalog = Record<string, { models: Record<string, Record<string, unknown>> }>;

describe('npm run refresh:catalog -- --from FILE (offline, on a copy of the project)', () => {
  it('rewrites the snapshot and its source line, resolves base_model, regenerates, and lists what changed', () => {
    const root = path.join(directory, 'project');
    mkdirSync(root);
    cpSync(path.join(ROOT, 'schemas'), path.join(root, 'schemas'), { recursive: true });
    const catalog = JSON.parse(readFileSync(path.join(ROOT, 'schemas/catalog/api.json'), 'utf8')) as Catalog;
    const models = (provider: string) => (catalog[provider] as Catalog[string]).models;
    // A changed limit, a new model declared through base_model, a retired model.
    (models('anthropic')['claude-sonnet-4-5'] as { limit: { output: number } }).limit.output = 12345;
    models('openai')['gpt-test-next'] = { id: 'gpt-test-next', base_model: 'gpt-4o', base_model_omit: ['knowledge'], cost: { input: 7, output: 21 } };
    delete models('openai')['gpt-4o-mini'];
    const modified = path.join(directory, 'modified-api.json');
    writeFileSync(modified, JSON.stringify(catalog));

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/refresh-catalog.ts', '--root', root, '--from', modified], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Source: modified-api\.json, read by `npm run refresh:catalog` on \d{4}-\d{2}-\d{2} \(147 providers, 5,276 models\)\.$/m);
    expect(run.stdout).toMatch(/^generated\/: \d+ written, 0 deleted$/m);
    expect(run.stdout).toContain('  openai: +1 -1 (removed: gpt-4o-mini)');
    expect(run.stdout).toContain('models of the mapped providers:');

    const snapshot = JSON.parse(readFileSync(path.join(root, 'schemas/catalog/api.json'), 'utf8')) as Catalog;
    const next = snapshot.openai?.models['gpt-test-next'];
    expect(next).toMatchObject({ id: 'gpt-test-next', family: 'gpt', limit: { context: 128000, output: 16384 }, cost: { input: 7, output: 21 } });
    expect(next).not.toHaveProperty('base_model');
    expect(next).not.toHaveProperty('knowledge');
    expect(readFileSync(path.join(root, 'schemas/catalog/README.md'), 'utf8')).toMatch(/^Source: modified-api\.json, read by/m);

    const generated = readFileSync(path.join(root, 'generated/catalog/model-catalog.ts'), 'utf8');
    expect(generated).toContain(`'["claude-sonnet-4-5",200000,12345,`);
    expect(generated).toMatch(/'\["gpt-test-next",128000,16384,"text,image,pdf","text",1,0,1,0,"2024-05-13","2024-08-06",1,1,null,"gpt",\[7,21\]\],' \+/);
    const openaiRows = generated.slice(generated.indexOf("  'openai': '['"), generated.indexOf("']'", generated.indexOf("  'openai': '['")));
    expect(openaiRows).toContain('"gpt-4o",');
    expect(openaiRows).not.toContain('"gpt-4o-mini",');
    // The project's own files are untouched.
    expect(readFileSync(path.join(ROOT, 'generated/catalog/model-catalog.ts'), 'utf8')).toContain(`'["claude-sonnet-4-5",200000,64000,`);
  });
});

describe('flattenCatalog', () => {
  it('fails naming the model whose base is missing, a cycle, or a provider without models', () => {
    expect(() => flattenCatalog({ acme: { models: { a: { base_model: 'gone' } } } }, 'api.json')).toThrow(
      new CodegenError('api.json: acme/a: base_model "acme/gone" is not in the catalogue'),
    );
    expect(() => flattenCatalog({ acme: { models: { a: { base_model: 'b' }, b: { base_model: 'a' } } } }, 'api.json')).toThrow(/base_model cycle \(acme\/a -> acme\/b -> acme\/a\)/);
    expect(() => flattenCatalog({ acme: { name: 'Acme' } }, 'api.json')).toThrow('api.json: provider "acme" has no "models" object');
    expect(() => flattenCatalog([], 'api.json')).toThrow('api.json: expected an object of providers, got an array');
  });

  it('merges a base from another provider under the model own fields, with sorted keys', () => {
    const flat = flattenCatalog({ b: { models: { m: { id: 'm', base_model: 'a/base', limit: { context: 9, output: 1 } } } }, a: { models: { base: { id: 'base', family: 'f', limit: { context: 5, output: 5 } } } } }, 'x');
    expect(Object.keys(flat)).toEqual(['a', 'b']);
    expect((flat.b as Catalog[string]).models.m).toEqual({ family: 'f', id: 'm', limit: { context: 9, output: 1 } });
  });
});
