import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { openAiCases } from '../openai/openai-cases.js';

/**
 * Predibase (LoRAX) answers in OpenAI's format, so OpenAI's replies serve; what differs is the
 * request: the deployment in the path, the adapter (after `:`) as the body's model.
 */
export const predibaseCases: AdapterCases = {
  ...openAiCases,
  dialect: 'predibase',
  providerId: 'predibase',
  model: 'qwen3-8b:support-bot/2',
  clientOptions: () => ({ apiKeys: { predibase: 'pb-adapter-test-key' } }),
  text: {
    ...openAiCases.text!,
    checkRequest: (request) => {
      expect(request.path).toBe('/qwen3-8b/v1/chat/completions');
      expect(request.headers.authorization).toBe('Bearer pb-adapter-test-key');
      expect(request.body).toMatchObject({ model: 'support-bot/2', temperature: 0.2, stop: ['END'] });
      expect((request.body as { messages: Array<{ role: string }> }).messages[1]?.role).toBe('system');
    },
  },
  textStream: {
    ...openAiCases.textStream!,
    checkRequest: (request) => {
      expect(request.path).toBe('/qwen3-8b/v1/chat/completions');
      expect(request.body).toMatchObject({ model: 'support-bot/2', stream: true });
    },
  },
  embeddingWithoutUsage: undefined,
  modelsWithoutCreated: undefined,
  skips: { ...openAiCases.skips, embeddingWithoutUsage: 'Predibase serves chat only', modelsWithoutCreated: 'Predibase serves chat only' },
};
