// Type test for the README's middleware example: checked by `npm run typecheck`, never executed.
import { createClient as createRedis } from 'redis';
import type { Tracer } from '@opentelemetry/api';
import { createClient, createRedisBudgetStore, createRedisRateLimitStore, callInfo } from '../../src/index.js';

declare const log: (event: unknown) => void;
declare const tracer: Tracer;
const messages = [{ role: 'user' as const, content: 'Hi' }];

export async function readmeMiddlewareExample(): Promise<void> {
  const redis = await createRedis({ url: process.env.REDIS_URL }).connect();
  const client = createClient({
    cache: { maxEntries: 1000, ttlMs: 600_000, streams: true },
    rateLimit: { rpm: 500, tpm: 200_000, perProvider: { groq: { rpm: 30 } }, mode: 'wait', store: createRedisRateLimitStore(redis) },
    cooldown: { failures: 3, windowMs: 60_000, durationMs: 60_000 },
    fallback: { models: { 'openai/gpt-4o': ['anthropic/claude-sonnet-4-5'] }, onContextWindow: ['gemini/gemini-2.5-pro'] },
    router: { smart: { strategy: 'least-latency', deployments: [{ model: 'openai/gpt-4o' }, { model: 'azure/gpt-4o' }] } },
    healthCheck: { intervalMs: 30_000, failureThreshold: 3, recoveryThreshold: 2 },
    costTracking: true,
    budget: { limitUsd: 50, perTag: { 'user:42': 1 }, periodMs: 86_400_000, mode: 'hard', store: createRedisBudgetStore(redis), leaseMarginMs: 30_000 },
    hooks: [{ onRequest: ({ request }) => request, onResponse: (event) => log(event), onError: (event) => log(event) }],
    tracing: { tracer },
  });
  const reply = await client.chat({ model: 'smart', messages }, { tags: ['user:42'] });
  callInfo(reply);
  client.close();
}
