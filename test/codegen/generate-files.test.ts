import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { generateFiles } from '../../codegen/generate-files.js';
import { HEADER } from '../../codegen/header.js';
import { createScenarioInputs } from './create-scenario-inputs.js';
import { SCENARIOS } from './scenarios.js';

const SNAPSHOTS_DIR = fileURLToPath(new URL('./__snapshots__/', import.meta.url));

/** The first scenario's snapshot holds every file; the others only the files that depend on the registry. */
const FULL_SNAPSHOT = SCENARIOS[0]?.name;
const dependsOnRegistry = (path: string): boolean => path === 'registry.ts' || path.startsWith('providers/');

describe('generateFiles', () => {
  describe.each(SCENARIOS)('scenario $name', (scenario) => {
    it('matches the snapshot files', async () => {
      const files = await generateFiles(createScenarioInputs(scenario.registry));
      const snapshotted = [...files.keys()].filter((path) => scenario.name === FULL_SNAPSHOT || dependsOnRegistry(path));
      for (const path of snapshotted) {
        await expect(files.get(path)).toMatchFileSnapshot(`./__snapshots__/${scenario.name}/${path}`);
      }
      // No stale snapshot files left behind by a renamed provider or module.
      expect(listFiles(`${SNAPSHOTS_DIR}${scenario.name}`)).toEqual(snapshotted);
    });
  });

  it('emits the same registry-independent files for every scenario', async () => {
    const outputs = await Promise.all(SCENARIOS.map((scenario) => generateFiles(createScenarioInputs(scenario.registry))));
    const shared = (files: Map<string, string>) => [...files].filter(([path]) => !dependsOnRegistry(path));
    for (const files of outputs.slice(1)) expect(shared(files)).toEqual(shared(outputs[0] ?? new Map()));
  });

  it('gives byte-identical output on a second run and leaves its inputs unchanged', async () => {
    for (const scenario of SCENARIOS) {
      const inputs = createScenarioInputs(structuredClone(scenario.registry));
      const before = structuredClone(inputs);
      deepFreeze(inputs);
      const first = await generateFiles(inputs);
      const second = await generateFiles(inputs);
      expect([...second]).toEqual([...first]);
      expect(inputs).toEqual(before);
    }
  });

  it('returns sorted paths, each file starting with the header line and ending in one newline', async () => {
    const files = await generateFiles(createScenarioInputs(SCENARIOS[1]?.registry));
    expect([...files.keys()]).toEqual([...files.keys()].sort());
    for (const [path, content] of files) {
      expect(content.split('\n')[0], path).toBe(HEADER);
      expect(content.endsWith('\n') && !content.endsWith('\n\n'), path).toBe(true);
      expect(content, path).not.toMatch(/\/tmp\/|\/work\/|\/home\/|\d{4}-\d{2}-\d{2}T\d/);
    }
  });

  it('writes each provider module so that it imports nothing but the ProviderDefinition type', async () => {
    const files = await generateFiles(createScenarioInputs(SCENARIOS[2]?.registry));
    const providerModules = [...files].filter(([path]) => path.startsWith('providers/'));
    expect(providerModules.map(([path]) => path)).toEqual(['providers/anthropic.ts', 'providers/gemini.ts']);
    for (const [, content] of providerModules) {
      expect(content.match(/^import .*$/gm)).toEqual([
        "import type { ProviderDefinition } from '../../src/provider-definition.js';",
      ]);
    }
  });
});

function listFiles(directory: string, prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(`${directory}/${entry.name}`, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
