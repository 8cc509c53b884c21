import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { redisAvailable, redisUrl } from '../../support/redis.js';

const worker = fileURLToPath(new URL('./rate-limit-worker.ts', import.meta.url));

function runWorker(args: string[]): Promise<{ admitted: number; rejected: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', worker, ...args], { env: { ...process.env, LITER_LLM_REDIS_URL: redisUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (part: Buffer) => (stdout += part.toString()));
    child.stderr.on('data', (part: Buffer) => (stderr += part.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { admitted: number; rejected: number; pid: number });
    });
  });
}

describe('a rate limit shared by two processes through Redis', () => {
  it.skipIf(!redisAvailable)(
    'admits exactly rpm calls across both processes, never more',
    async () => {
      const prefix = `liter-llm-test:${process.pid}:processes:${Math.random().toString(36).slice(2)}:`;
      // Both start their calls at the same moment, after tsx has started.
      const startAt = String(Date.now() + 4_000);
      const [first, second] = await Promise.all([runWorker([prefix, '13', '40', startAt]), runWorker([prefix, '13', '40', startAt])]);
      if (first === undefined || second === undefined) throw new Error('a worker did not report');
      expect(first.pid).not.toBe(second.pid);
      expect(first.admitted + first.rejected).toBe(40);
      expect(second.admitted + second.rejected).toBe(40);
      expect(first.admitted + second.admitted).toBe(13);
    },
    60_000,
  );
});
