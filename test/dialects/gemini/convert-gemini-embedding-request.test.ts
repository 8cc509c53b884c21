import { describe, expect, it } from 'vitest';
import { convertGeminiEmbeddingRequest } from '../../../src/dialects/gemini/convert-gemini-embedding-request.js';
import { convertGeminiEmbeddingResponse } from '../../../src/dialects/gemini/convert-gemini-embedding-response.js';
import { convertGeminiModelsResponse } from '../../../src/dialects/gemini/convert-gemini-models-response.js';
import { batchEmbedResponse, modelsListResponse } from './gemini-fixtures.js';
import { createGeminiRoute } from './gemini-route.js';

const route = createGeminiRoute('gemini-embedding-001');

describe('Gemini embeddings', () => {
  it('sends one batchEmbedContents request per input with outputDimensionality and extra_body options', () => {
    const wire = convertGeminiEmbeddingRequest(
      { model: 'gemini/gemini-embedding-001', input: ['a', 'b'], dimensions: 768, extra_body: { taskType: 'RETRIEVAL_DOCUMENT' } },
      route,
    );
    expect(wire).toEqual({
      endpoint: 'embeddings',
      method: 'POST',
      path: '/models/{model}:batchEmbedContents',
      body: {
        requests: [
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'a' }] }, outputDimensionality: 768, taskType: 'RETRIEVAL_DOCUMENT' },
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'b' }] }, outputDimensionality: 768, taskType: 'RETRIEVAL_DOCUMENT' },
        ],
      },
      warnings: [],
    });
  });

  it('takes a single string, and rejects token ids naming the input', () => {
    const wire = convertGeminiEmbeddingRequest({ model: 'm', input: 'hello' }, route);
    expect(wire.body).toEqual({ requests: [{ model: 'models/gemini-embedding-001', content: { parts: [{ text: 'hello' }] } }] });
    expect(() => convertGeminiEmbeddingRequest({ model: 'm', input: [1, 2, 3] }, route)).toThrow(/input\[0\] is not a string/);
    expect(() => convertGeminiEmbeddingRequest({ model: 'm', input: [] }, route)).toThrow(/non-empty array/);
  });

  it('warns that base64 encoding is not available', () => {
    expect(convertGeminiEmbeddingRequest({ model: 'm', input: 'x', encoding_format: 'base64' }, route).warnings).toEqual([
      'encoding_format "base64": Gemini returns float arrays, which are passed on as they are',
    ]);
  });

  it('converts the batchEmbedContents response to an OpenAI embedding list', () => {
    expect(convertGeminiEmbeddingResponse(batchEmbedResponse, route)).toEqual({
      object: 'list',
      model: 'gemini-embedding-001',
      data: [
        { object: 'embedding', index: 0, embedding: [0.1, -0.2, 0.3] },
        { object: 'embedding', index: 1, embedding: [0.4, 0.5, -0.6] },
      ],
    });
    expect(() => convertGeminiEmbeddingResponse({ embeddings: [{}] }, route)).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
  });

  it('converts models.list to OpenAI model ids without the models/ prefix', () => {
    expect(convertGeminiModelsResponse(modelsListResponse, route)).toEqual({
      object: 'list',
      data: [
        { id: 'gemini-2.5-flash', object: 'model', owned_by: 'google' },
        { id: 'gemini-embedding-001', object: 'model', owned_by: 'google' },
      ],
    });
  });
});
