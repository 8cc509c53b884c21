import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * A soak of mixed requests (ok, retried, fallen back, aborted mid-stream, reset before headers) in
 * a child process with --expose-gc: heap growth over the second half stays under 1 MB. CI runs
 * 6,000 requests; `npm run soak` runs the full 20,000.
 */
const here = dirname(fileURLToPath(import.meta.url));
const TOTAL = 6_000;

it(`runs ${TOTAL} mixed requests with bounded heap and the right outcome for each`, () => {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'run-mixed-soak.ts'), String(TOTAL)], {
    cwd: join(here, '..', '..'),
    encoding: 'utf8',
    timeout: 50_000,
  });
  expect(child.status, child.stderr).toBe(0);
  const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    outcomes: Record<string, number>;
    heapGrowthBytes: number;
    unhandled: string[];
  };
  const fifth = TOTAL / 5;
  expect(result.outcomes).toEqual({ ok: fifth, retried: fifth, fellBack: fifth, AbortedError: fifth, NetworkError: fifth });
  expect(result.unhandled).toEqual([]);
  expect(result.heapGrowthBytes).toBeLessThan(1024 * 1024);
}, 60_000);
