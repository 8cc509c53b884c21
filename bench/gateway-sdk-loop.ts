/**
 * The SDK calling the mock directly at a given concurrency, for the gateway bench: prints the
 * client's CPU per call (µs) once `count` calls are done. Args: origin, concurrency, count.
 */
import { createClient } from '../src/index.js';

const [origin, concurrencyText, countText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const count = Number(countText);
const client = createClient({ providers: { openai: { baseURL: `${origin}/unary-small/v1`, apiKey: 'bench-key' } }, maxRetries: 0 });
const request = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

const run = async (calls: number): Promise<void> => {
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < calls) {
        started += 1;
        await client.chat(request);
      }
    }),
  );
};
await run(Math.min(2_000, count));
const before = process.cpuUsage();
const began = performance.now();
await run(count);
const cpu = process.cpuUsage(before);
process.stdout.write(`${JSON.stringify({ cpuUsPerCall: (cpu.user + cpu.system) / count, requestsPerSecond: (count * 1000) / (performance.now() - began) })}\n`);
