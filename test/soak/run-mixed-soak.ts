/**
 * A soak of mixed requests against the fault server in this process: ok, retried (503 then
 * success), fallen back (503 on the primary, the fallback answers), aborted after the first
 * chunk, and reset before headers. Prints one JSON line with the outcome counts and the heap
 * growth between the middle and the end (run with --expose-gc). `run-mixed-soak.ts <total>`.
 */
import { createClient, isLiterLlmError } from '../../src/index.js';
import { startFaultServer } from './fault-server.js';

const total = Number(process.argv[2] ?? 20_000);
const concurrency = 16;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));

const server = await startFaultServer();
const at = (path: string): string => `${server.origin}/${path}/v1`;
const messages = [{ role: 'user' as const, content: 'Hi' }];
const okClient = createClient({ providers: { openai: { baseURL: at('ok'), apiKey: 'soak' } }, maxRetries: 0 });
const retryClient = createClient({ providers: { openai: { baseURL: at('flaky'), apiKey: 'soak' } }, maxRetries: 2 });
const fallbackClient = createClient({
  providers: { openai: { baseURL: at('always-unavailable'), apiKey: 'soak' }, groq: { baseURL: at('ok'), apiKey: 'soak' } },
  maxRetries: 0,
  fallback: { models: { 'openai/gpt-4o-mini': ['groq/llama-3.3-70b-versatile'] } },
});
const holdClient = createClient({ providers: { openai: { baseURL: at('hold'), apiKey: 'soak' } }, maxRetries: 0 });
const resetClient = createClient({ providers: { openai: { baseURL: at('reset-before-headers'), apiKey: 'soak' } }, maxRetries: 0 });
const model = 'openai/gpt-4o-mini';

async function one(index: number): Promise<string> {
  try {
    switch (index % 5) {
      case 0:
        return (await okClient.chat({ model, messages })).choices[0]?.message.content === 'Hello' ? 'ok' : 'wrong';
      case 1:
        return (await retryClient.chat({ model, messages }, { headers: { 'x-soak-id': String(index) } })).choices[0]?.message.content === 'Hello' ? 'retried' : 'wrong';
      case 2:
        return (await fallbackClient.chat({ model, messages })).choices[0]?.message.content === 'Hello' ? 'fellBack' : 'wrong';
      case 3: {
        const controller = new AbortController();
        for await (const chunk of holdClient.chatStream({ model, messages }, { signal: controller.signal })) {
          void chunk;
          controller.abort();
        }
        return 'wrong';
      }
      default:
        await resetClient.chat({ model, messages });
        return 'wrong';
    }
  } catch (error) {
    return isLiterLlmError(error) ? error.name : `untyped ${String(error)}`;
  }
}

const outcomes: Record<string, number> = {};
const heap = async (): Promise<number> => {
  for (let round = 0; round < 4; round += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return process.memoryUsage().heapUsed;
};
let next = 0;
const runTo = async (end: number): Promise<void> => {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < end) {
        const index = next;
        next += 1;
        const outcome = await one(index);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }),
  );
};
const begun = performance.now();
await runTo(total / 2);
const middle = await heap();
await runTo(total);
const end = await heap();
await server.close();
process.stdout.write(
  `${JSON.stringify({ total, outcomes, heapGrowthBytes: end - middle, heapMiddleMB: middle / 2 ** 20, seconds: (performance.now() - begun) / 1000, unhandled })}\n`,
);
