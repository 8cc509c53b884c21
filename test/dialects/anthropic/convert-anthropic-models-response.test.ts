import { describe, expect, it } from 'vitest';
import { anthropicDialect } from '../../../src/dialects/anthropic/anthropic-dialect.js';
import { convertAnthropicModelsResponse } from '../../../src/dialects/anthropic/convert-anthropic-models-response.js';
import { modelsListResponse } from './anthropic-fixtures.js';
import { createAnthropicTestRoute } from './anthropic-test-route.js';

const route = createAnthropicTestRoute();

describe('convertAnthropicModelsResponse', () => {
  it('converts the documented models page into an OpenAI models list', () => {
    expect(convertAnthropicModelsResponse(modelsListResponse, route)).toEqual({
      object: 'list',
      data: [
        { id: 'claude-sonnet-4-5-20250929', object: 'model', created: 1759104000, owned_by: 'anthropic' },
        { id: 'claude-3-7-sonnet-20250219', object: 'model', created: 1739923200, owned_by: 'anthropic' },
      ],
    });
  });

  it('rejects a body without data', () => {
    expect(() => convertAnthropicModelsResponse({ models: [] }, route)).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
  });

  it('asks for the largest page so one request lists every model', () => {
    expect(anthropicDialect.convertListModelsRequest?.(route)).toEqual({ endpoint: 'models', method: 'GET', path: '/models', query: { limit: 1000 }, body: undefined, warnings: [] });
  });
});
