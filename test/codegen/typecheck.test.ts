import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Directories this suite answers for; errors elsewhere (work in progress in src/) are not its concern. */
const OWNED = /^(generated|codegen|test\/codegen|templates)\//;

describe('tsc -p tsconfig.json', () => {
  it('reports no errors in generated/, codegen/ or test/codegen/ (snapshots included)', () => {
    const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const errors = result.stdout
      .split('\n')
      .filter((line) => /^\S.*\(\d+,\d+\): error TS\d+/.test(line))
      .filter((line) => OWNED.test(line));
    expect(errors).toEqual([]);
  }, 180_000);
});
