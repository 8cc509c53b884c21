import { describe, expect, it } from 'vitest';
import { anthropicProvider } from '../../../generated/providers/anthropic.js';
import { groqProvider } from '../../../generated/providers/groq.js';
import { openaiProvider } from '../../../generated/providers/openai.js';
import { vertexAiAnthropicProvider } from '../../../generated/providers/vertex-ai-anthropic.js';
import { vertexAiOpenaiProvider } from '../../../generated/providers/vertex-ai-openai.js';
import { vertexAiProvider } from '../../../generated/providers/vertex-ai.js';
import { zaiAnthropicProvider } from '../../../generated/providers/zai-anthropic.js';
import { isAnthropicUpstream } from '../../../gateway/anthropic/is-anthropic-upstream.js';

describe('isAnthropicUpstream', () => {
  it('is true for the anthropic dialect, its compatible entries and Claude on Vertex AI, false for the rest', () => {
    expect(isAnthropicUpstream(anthropicProvider)).toBe(true);
    expect(isAnthropicUpstream(zaiAnthropicProvider)).toBe(true);
    expect(isAnthropicUpstream(vertexAiAnthropicProvider)).toBe(true);
    expect(isAnthropicUpstream(vertexAiProvider)).toBe(false);
    expect(isAnthropicUpstream(vertexAiOpenaiProvider)).toBe(false);
    expect(isAnthropicUpstream(openaiProvider)).toBe(false);
    expect(isAnthropicUpstream(groqProvider)).toBe(false);
  });
});
