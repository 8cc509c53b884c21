import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { HEADER } from '../../codegen/header.js';
import { listOutputFiles } from '../../codegen/list-output-files.js';

const root = (directory: string) => fileURLToPath(new URL(`../../${directory}/`, import.meta.url));
const firstLine = (file: string) => readFileSync(file, 'utf8').split('\n', 1)[0];

describe('HEADER', () => {
  it('is one line', () => {
    expect(HEADER).not.toContain('\n');
    expect(HEADER.startsWith('// ')).toBe(true);
  });

  it('is the first line of every file under generated/', () => {
    const files = listOutputFiles(root('generated'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(firstLine(`${root('generated')}${file}`), file).toBe(HEADER);
  });

  it('is the first line of no file under src/, codegen/ or templates/', () => {
    for (const directory of ['src', 'codegen', 'templates']) {
      for (const file of listOutputFiles(root(directory))) {
        expect(firstLine(`${root(directory)}${file}`), `${directory}/${file}`).not.toBe(HEADER);
      }
    }
  });
});
