import { expect } from 'vitest';
import type { AdapterCases } from '../adapter-cases.js';
import { anthropicCases } from '../anthropic/anthropic-cases.js';
import { openAiCases } from '../openai/openai-cases.js';
import { vertexRateLimitBody, vertexUnauthenticatedBody } from './vertex-ai-fixtures.js';

const token = 'ya29.partner-test-token';
const vertexErrors = { authError: { status: 401, body: vertexUnauthenticatedBody }, rateLimitError: { status: 429, body: vertexRateLimitBody } };

/**
 * Claude on Vertex AI (`vertex_ai_anthropic`): Anthropic's Messages replies, sent to `rawPredict` /
 * `streamRawPredict` with `anthropic_version` in the body and no model; Vertex's gateway errors
 * (401, quota) in Google's shape, Claude's own (context window) in Anthropic's.
 */
export const vertexAiAnthropicCases: AdapterCases = {
  ...anthropicCases,
  dialect: 'vertex_ai',
  providerId: 'vertex_ai_anthropic',
  model: 'claude-sonnet-4-5@20250929',
  clientOptions: () => ({ providers: { vertex_ai_anthropic: { accessToken: token } } }),
  text: {
    ...(anthropicCases.text as NonNullable<AdapterCases['text']>),
    checkRequest: (request) => {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/publishers/anthropic/models/claude-sonnet-4-5%4020250929:rawPredict');
      expect(request.headers.authorization).toBe(`Bearer ${token}`);
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.headers['anthropic-version']).toBeUndefined();
      expect(request.body).toEqual({
        anthropic_version: 'vertex-2023-10-16',
        max_tokens: 50,
        system: [
          { type: 'text', text: 'You are terse.' },
          { type: 'text', text: 'Answer in one word.' },
        ],
        messages: [{ role: 'user', content: 'Capital of France?' }],
        temperature: 0.2,
        stop_sequences: ['END'],
      });
    },
  },
  toolCall: {
    ...(anthropicCases.toolCall as NonNullable<AdapterCases['toolCall']>),
    checkRequest: (request) => {
      // No max_tokens given: the catalogue's output limit of claude-sonnet-4-5@20250929 on Vertex.
      expect(request.body).toMatchObject({ max_tokens: 64_000, tool_choice: { type: 'auto' }, tools: [{ name: 'get_weather' }] });
      expect(request.body).not.toHaveProperty('model');
    },
  },
  textStream: {
    ...(anthropicCases.textStream as NonNullable<AdapterCases['textStream']>),
    checkRequest: (request) => {
      expect(request.path).toBe('/publishers/anthropic/models/claude-sonnet-4-5%4020250929:streamRawPredict');
      expect(request.body).toMatchObject({ anthropic_version: 'vertex-2023-10-16', stream: true, max_tokens: 50 });
      expect(request.body).not.toHaveProperty('model');
    },
  },
  ...vertexErrors,
  skips: { ...anthropicCases.skips, embeddingWithoutUsage: 'vertex_ai_anthropic serves chat only', modelsWithoutCreated: 'vertex_ai_anthropic serves chat only' },
};

/**
 * Vertex AI's OpenAI-compatible endpoint for open and partner MaaS models (`vertex_ai_openai`):
 * OpenAI's replies, at `/endpoints/openapi/chat/completions` with the publisher/model id in the body.
 */
export const vertexAiOpenAiCases: AdapterCases = {
  ...openAiCases,
  dialect: 'vertex_ai',
  providerId: 'vertex_ai_openai',
  model: 'meta/llama-3.3-70b-instruct-maas',
  clientOptions: () => ({ providers: { vertex_ai_openai: { accessToken: token } } }),
  text: {
    ...(openAiCases.text as NonNullable<AdapterCases['text']>),
    checkRequest: (request) => {
      expect(request.path).toBe('/endpoints/openapi/chat/completions');
      expect(request.headers.authorization).toBe(`Bearer ${token}`);
      expect(request.body).toMatchObject({ model: 'meta/llama-3.3-70b-instruct-maas', temperature: 0.2, stop: ['END'] });
    },
  },
  textStream: {
    ...(openAiCases.textStream as NonNullable<AdapterCases['textStream']>),
    checkRequest: (request) => {
      expect(request.path).toBe('/endpoints/openapi/chat/completions');
      expect(request.body).toMatchObject({ model: 'meta/llama-3.3-70b-instruct-maas', stream: true });
    },
  },
  ...vertexErrors,
  embeddingWithoutUsage: undefined,
  modelsWithoutCreated: undefined,
  skips: { ...openAiCases.skips, embeddingWithoutUsage: 'vertex_ai_openai serves chat only', modelsWithoutCreated: 'vertex_ai_openai serves chat only' },
};
