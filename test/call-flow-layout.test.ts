import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function readme(): string {
  return readFileSync(join(ROOT, 'README.md'), 'utf8');
}

/** The "How a call flows" section, up to the next heading. */
function callFlowSection(): string {
  const text = readme();
  const start = text.indexOf('## How a call flows');
  expect(start).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

function sourceFolders(): string[] {
  return readdirSync(join(ROOT, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('README "How a call flows"', () => {
  it('lists every folder of src/, the call path in its table and the rest beside it, and nothing else', () => {
    const section = callFlowSection();
    const inTable = [...section.matchAll(/^\| `([a-z-]+)\/` \|/gm)].map((match) => match[1]);
    expect(inTable).toEqual(['client', 'call', 'routing', 'middleware', 'dialects', 'transport', 'streaming', 'errors']);
    const beside = section.slice(section.indexOf('Beside the path'));
    const besideFolders = [...beside.matchAll(/`([a-z-]+)\/`/g)].map((match) => match[1]).filter((name) => name !== 'transport' && name !== 'middleware');
    expect([...inTable, ...besideFolders].sort()).toEqual(sourceFolders());
  });

  it('holds its promise that no file under transport/ imports from middleware/', () => {
    const offenders = filesUnder('src/transport').filter((file) => /from '[^']*\/middleware\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
