import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { checkOutput } from '../../codegen/check-output.js';
import { generateFiles } from '../../codegen/generate-files.js';
import { listOutputFiles } from '../../codegen/list-output-files.js';
import { writeOutput } from '../../codegen/write-output.js';
import { createScenarioInputs } from './create-scenario-inputs.js';
import { SCENARIOS } from './scenarios.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('writeOutput and checkOutput', () => {
  let directory: string;
  let outDir: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'liter-llm-codegen-'));
    outDir = path.join(directory, 'generated');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('lists exactly the changed, missing and extra files, and passes again after a rewrite', async () => {
    const files = await generateFiles(createScenarioInputs(SCENARIOS[2]?.registry));
    expect(writeOutput(outDir, files)).toEqual({ written: [...files.keys()], deleted: [] });
    expect(checkOutput(outDir, files)).toEqual({ changed: [], missing: [], extra: [] });

    writeFileSync(path.join(outDir, 'registry.ts'), `${readFileSync(path.join(outDir, 'registry.ts'), 'utf8')}// edited\n`);
    rmSync(path.join(outDir, 'providers/gemini.ts'));
    mkdirSync(path.join(outDir, 'stale'));
    writeFileSync(path.join(outDir, 'stale/old-provider.ts'), 'export {};\n');
    expect(checkOutput(outDir, files)).toEqual({
      changed: ['registry.ts'],
      missing: ['providers/gemini.ts'],
      extra: ['stale/old-provider.ts'],
    });

    expect(writeOutput(outDir, files)).toEqual({
      written: ['providers/gemini.ts', 'registry.ts'],
      deleted: ['stale/old-provider.ts'],
    });
    expect(existsSync(path.join(outDir, 'stale'))).toBe(false);
    expect(checkOutput(outDir, files)).toEqual({ changed: [], missing: [], extra: [] });
    expect(listOutputFiles(outDir)).toEqual([...files.keys()]);
  });

  it('reports every file as missing when the directory does not exist', async () => {
    const files = await generateFiles(createScenarioInputs(SCENARIOS[0]?.registry));
    expect(checkOutput(outDir, files)).toEqual({ changed: [], missing: [...files.keys()], extra: [] });
  });

  it('runs through the CLI: --check fails on a stale directory and passes after generating', () => {
    const registryPath = path.join(directory, 'providers.json');
    writeFileSync(registryPath, JSON.stringify(SCENARIOS[3]?.registry));
    const run = (...flags: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'codegen/generate.ts', '--registry', registryPath, '--out', outDir, ...flags], {
        cwd: ROOT,
        encoding: 'utf8',
      });

    const generated = run();
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stdout).toMatch(/^generated \d+ files in .+ \(\d+ written, 0 deleted\) in \d+ ms\n$/);

    writeFileSync(path.join(outDir, 'providers/ollama.ts'), 'edited\n');
    writeFileSync(path.join(outDir, 'providers/extra.ts'), 'extra\n');
    rmSync(path.join(outDir, 'registry.ts'));
    const stale = run('--check');
    expect(stale.status).toBe(1);
    const lines = stale.stderr.trim().split('\n');
    expect(lines.slice(0, 3).map((line) => line.replace(/ .*\/generated\//, ' generated/'))).toEqual([
      'changed: generated/providers/ollama.ts',
      'missing: generated/registry.ts',
      'extra: generated/providers/extra.ts',
    ]);
    expect(lines[3]).toMatch(/is stale \(3 of \d+ files differ\); run `npm run generate`\.$/);

    expect(run().status).toBe(0);
    const fresh = run('--check');
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toMatch(/ is up to date \(\d+ files, \d+ ms\)\n$/);
  }, 120_000);
});
