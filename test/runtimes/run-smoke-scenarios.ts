// Runs INSIDE each runtime (Deno, Bun, workerd, edge-runtime, a browser page), bundled by the driver
// with the built package. It may use only what every one of them has: fetch, timers, JSON. The
// package comes in as an argument (type-only imports here) so that what runs is `dist/`, not `src/`.
import type * as CoreEntry from '../../src/core.js';
import type * as MainEntry from '../../src/index.js';
import type { openaiProvider as OpenaiProvider } from '../../generated/providers/openai.js';
import { SMOKE_BEDROCK, SMOKE_KEYS } from './smoke-fixtures.js';

export interface SmokeModules {
  readonly main: typeof MainEntry;
  readonly core: typeof CoreEntry;
  readonly openaiProvider: typeof OpenaiProvider;
}

export interface ScenarioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  /** Why it failed: the error's name, message and cause chain. */
  readonly detail?: string;
}

export const SCENARIO_NAMES = ['chat', 'stream break cancels upstream', 'anthropic stream', 'bedrock sigv4', 'cache and cost', 'core with one provider'] as const;

const SCENARIO_TIMEOUT_MS = 20_000;
const messages = [{ role: 'user' as const, content: 'Say hello.' }];

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function describeError(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    lines.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join('\n  caused by ');
}

/** Every scenario, one after the other, each with its own deadline so that one hang fails only itself. */
export async function runSmokeScenarios(modules: SmokeModules, mockUrl: string): Promise<ScenarioResult[]> {
  const scenarios: Record<(typeof SCENARIO_NAMES)[number], () => Promise<void>> = {
    chat: () => chat(modules, mockUrl),
    'stream break cancels upstream': () => streamBreakCancels(modules, mockUrl),
    'anthropic stream': () => anthropicStream(modules, mockUrl),
    'bedrock sigv4': () => bedrockSigned(modules, mockUrl),
    'cache and cost': () => cacheAndCost(modules, mockUrl),
    'core with one provider': () => coreWithOneProvider(modules, mockUrl),
  };
  const results: ScenarioResult[] = [];
  for (const name of SCENARIO_NAMES) {
    const startedAt = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        scenarios[name](),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${SCENARIO_TIMEOUT_MS} ms`)), SCENARIO_TIMEOUT_MS);
        }),
      ]);
      results.push({ name, ok: true, ms: Date.now() - startedAt });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - startedAt, detail: describeError(error) });
    } finally {
      clearTimeout(timer);
    }
  }
  return results;
}

async function chat({ main }: SmokeModules, mockUrl: string): Promise<void> {
  const client = main.createClient({ apiKey: SMOKE_KEYS.openai, maxRetries: 0, providers: { openai: { baseURL: `${mockUrl}/openai/v1` } } });
  const response = await client.chat({ model: 'openai/gpt-4o-mini', messages });
  check(response.choices[0]?.message.content === 'Hello from the smoke mock.', `unexpected content ${JSON.stringify(response.choices[0]?.message.content)}`);
  check(main.callInfo(response).provider === 'openai', `callInfo provider is ${main.callInfo(response).provider}`);
}

async function streamBreakCancels({ main }: SmokeModules, mockUrl: string): Promise<void> {
  const client = main.createClient({ maxRetries: 0, providers: { openai: { baseURL: `${mockUrl}/openai/v1`, apiKey: SMOKE_KEYS.openai } } });
  const streamId = `s${Date.now()}${Math.random().toString(36).slice(2)}`;
  const stream = client.chatStream({ model: 'openai/gpt-4o-mini', messages }, { headers: { 'x-smoke-stream-id': streamId } });
  let received = 0;
  for await (const chunk of stream) {
    if (typeof chunk.choices[0]?.delta?.content === 'string') received++;
    if (received === 2) break;
  }
  check(received === 2, `the endless stream ended by itself after ${received} chunks`);
  const closed = (await (await fetch(`${mockUrl}/smoke/stream-closed?id=${streamId}`)).json()) as { closed: boolean; reason?: string };
  check(closed.closed, `break did not cancel the upstream request: ${closed.reason}`);
}

async function anthropicStream({ main }: SmokeModules, mockUrl: string): Promise<void> {
  const client = main.createClient({ maxRetries: 0, providers: { anthropic: { baseURL: `${mockUrl}/anthropic/v1`, apiKey: SMOKE_KEYS.anthropic } } });
  const stream = client.chatStream({ model: 'anthropic/claude-sonnet-4-5', messages });
  let text = '';
  const finishReasons: string[] = [];
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const content = choice?.delta?.content;
    if (typeof content === 'string') text += content;
    if (typeof choice?.finish_reason === 'string') finishReasons.push(choice.finish_reason);
  }
  check(text === 'Bonjour le monde', `assembled text is ${JSON.stringify(text)}`);
  check(finishReasons.join() === 'stop', `finish reasons are ${JSON.stringify(finishReasons)}`);
  const usage = main.callInfo(stream).usage;
  check(usage?.prompt_tokens === 9 && usage.completion_tokens === 5, `usage is ${JSON.stringify(usage)}`);
}

async function bedrockSigned({ main }: SmokeModules, mockUrl: string): Promise<void> {
  const client = main.createClient({ maxRetries: 0, providers: { bedrock: { baseURL: `${mockUrl}/bedrock`, aws: { ...SMOKE_BEDROCK } } } });
  const response = await client.chat({ model: 'bedrock/amazon.nova-lite-v1:0', messages });
  check(response.choices[0]?.message.content === 'Signed and delivered.', `unexpected content ${JSON.stringify(response.choices[0]?.message.content)}`);
}

async function cacheAndCost({ main }: SmokeModules, mockUrl: string): Promise<void> {
  const client = main.createClient({
    maxRetries: 0,
    cache: true,
    costTracking: true,
    providers: { openai: { baseURL: `${mockUrl}/openai/v1`, apiKey: SMOKE_KEYS.openai } },
  });
  const first = await client.chat({ model: 'openai/gpt-4o-mini', messages });
  const second = await client.chat({ model: 'openai/gpt-4o-mini', messages });
  check(main.callInfo(first).cache === 'miss', `first call cache status is ${main.callInfo(first).cache}`);
  check(main.callInfo(second).cache === 'hit', `second identical call cache status is ${main.callInfo(second).cache}`);
  const cost = main.callInfo(first).costUsd;
  check(typeof cost === 'number' && cost > 0, `costUsd of a priced model is ${String(cost)}`);
}

async function coreWithOneProvider({ core, openaiProvider }: SmokeModules, mockUrl: string): Promise<void> {
  const client = core.createProviderClient([openaiProvider], { maxRetries: 0, providers: { openai: { baseURL: `${mockUrl}/openai/v1`, apiKey: SMOKE_KEYS.openai } } });
  const response = await client.provider('openai').chat({ model: 'gpt-4o-mini', messages });
  check(response.choices[0]?.message.content === 'Hello from the smoke mock.', `unexpected content ${JSON.stringify(response.choices[0]?.message.content)}`);
  check(core.callInfo(response).provider === 'openai', `callInfo provider is ${core.callInfo(response).provider}`);
}
