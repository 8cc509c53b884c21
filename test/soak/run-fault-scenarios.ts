/**
 * Runs every fault scenario against the fault server in this process, prints one JSON line of
 * outcomes, then closes the server and lets the process end by itself: a leaked timer or socket
 * keeps it alive, which the test sees as a missing exit.
 */
import { createClient, isLiterLlmError } from '../../src/index.js';
import { startFaultServer } from './fault-server.js';

interface Outcome {
  readonly fault: string;
  readonly text?: string;
  readonly error?: string;
  readonly message?: string;
  readonly hits: number;
  readonly typed: boolean;
}

const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));

const server = await startFaultServer();
const messages = [{ role: 'user' as const, content: 'Hi' }];
let id = 0;

async function run(fault: string, stream: boolean, maxRetries = 2): Promise<Outcome> {
  id += 1;
  const key = `${fault}-${id}`;
  const client = createClient({ providers: { openai: { baseURL: `${server.origin}/${key}/v1`, apiKey: 'soak-key' } }, maxRetries, timeoutMs: 1500 });
  try {
    let text = '';
    if (stream) {
      for await (const chunk of client.chatStream({ model: 'openai/gpt-4o-mini', messages })) text += chunk.choices[0]?.delta?.content ?? '';
    } else {
      text = (await client.chat({ model: 'openai/gpt-4o-mini', messages })).choices[0]?.message.content ?? '';
    }
    return { fault, text, hits: server.hits(key), typed: true };
  } catch (error) {
    return {
      fault,
      error: error instanceof Error ? error.name : String(error),
      message: error instanceof Error ? error.message : String(error),
      hits: server.hits(key),
      typed: isLiterLlmError(error),
    };
  }
}

const memoryBefore = process.memoryUsage().rss;
const outcomes: Record<string, Outcome> = {};
const cases: Array<[string, string, boolean, number?]> = [
  ['429-ms', '429-ms', false],
  ['429-seconds', '429-seconds', false],
  ['429-date', '429-date', false],
  ['429-too-long', '429-too-long', false],
  ['503-then-ok', '503-then-ok', true],
  ['reset-before-headers', 'reset-before-headers', false, 0],
  ['reset-once', 'reset-once', true],
  ['reset-mid-stream', 'reset-mid-stream', true],
  ['stall', 'stall', true],
  ['eof-no-finish', 'eof-no-finish', true],
  ['malformed', 'malformed', true],
  ['html-502', 'html-502', false, 0],
  ['error-event', 'error-event', true],
  ['huge-event', 'huge-event', true],
  ['gzip', 'gzip', true],
];
for (const [name, fault, stream, retries] of cases) outcomes[name] = await run(fault, stream, retries);
const rssGrowthMB = (process.memoryUsage().rss - memoryBefore) / 2 ** 20;

await server.close();
process.stdout.write(`${JSON.stringify({ outcomes, unhandled, rssGrowthMB })}\n`);
