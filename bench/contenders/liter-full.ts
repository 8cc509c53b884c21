import type { Contender } from './contender.js';
import { createContender as createBare } from './liter-bare.js';

const noopSpan = { setAttribute: () => noopSpan, setStatus: () => noopSpan, end: () => {} };
const noopTracer = { startSpan: () => noopSpan };

/**
 * liter-llm with every in-memory layer on: cache (bypassed per call with `cache: false`, so calls
 * go upstream), a high rate limit, cooldown, a fallback list, cost tracking, a high budget, no-op
 * hooks and tracing through a no-op tracer.
 */
export function createContender(origin: string): Contender {
  return createBare(origin, {
    cache: true,
    rateLimit: { rpm: 1e9, tpm: 1e12 },
    cooldown: true,
    fallback: { models: { 'openai/gpt-4o-mini': ['openai/gpt-4o'] } },
    costTracking: true,
    budget: { limitUsd: 1e9 },
    hooks: [{ onRequest: () => {}, onResponse: () => {}, onError: () => {} }],
    tracing: { tracer: noopTracer },
  });
}
