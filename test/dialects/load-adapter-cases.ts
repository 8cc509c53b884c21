import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AdapterCases } from './adapter-cases.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every dialect's `test/dialects/<dialect>/<dialect>-cases.ts` export, sorted by file. */
export async function loadAdapterCases(): Promise<AdapterCases[]> {
  const files = readdirSync(here, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(here, entry.name))
        .filter((file) => file.endsWith('-cases.ts'))
        .map((file) => join(here, entry.name, file)),
    )
    .sort();
  const cases: AdapterCases[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (value !== null && typeof value === 'object' && 'dialect' in value && 'providerId' in value) cases.push(value as AdapterCases);
    }
  }
  return cases;
}
