import { describe, expect, it } from 'vitest';
import { convertVertexEmbeddingRequest } from '../../../src/dialects/vertex-ai/convert-vertex-embedding-request.js';
import { convertVertexEmbeddingResponse } from '../../../src/dialects/vertex-ai/convert-vertex-embedding-response.js';
import { createGeminiRoute, vertexDefinition } from '../gemini/gemini-route.js';
import { vertexEmbeddingResponse } from './vertex-ai-fixtures.js';

const route = createGeminiRoute('text-embedding-005', vertexDefinition);

describe('Vertex AI embeddings', () => {
  it('sends one predict instance per text, dimensions as outputDimensionality, extra_body where Vertex reads it', () => {
    expect(
      convertVertexEmbeddingRequest(
        {
          model: 'vertex_ai/text-embedding-005',
          input: ['a', 'b'],
          dimensions: 256,
          extra_body: { task_type: 'RETRIEVAL_QUERY', parameters: { autoTruncate: false } },
        },
        route,
      ),
    ).toEqual({
      endpoint: 'embeddings',
      method: 'POST',
      path: '/publishers/google/models/{model}:predict',
      body: {
        instances: [
          { content: 'a', task_type: 'RETRIEVAL_QUERY' },
          { content: 'b', task_type: 'RETRIEVAL_QUERY' },
        ],
        parameters: { outputDimensionality: 256, autoTruncate: false },
      },
      warnings: [],
    });
    expect(convertVertexEmbeddingRequest({ model: 'm', input: 'one' }, route).body).toEqual({ instances: [{ content: 'one' }] });
  });

  it('converts predictions to an OpenAI embedding list with the token counts as usage', () => {
    expect(convertVertexEmbeddingResponse(vertexEmbeddingResponse, route)).toEqual({
      object: 'list',
      model: 'text-embedding-005',
      data: [
        { object: 'embedding', index: 0, embedding: [0.01, -0.02] },
        { object: 'embedding', index: 1, embedding: [0.03, 0.04] },
      ],
      usage: { prompt_tokens: 9, total_tokens: 9 },
    });
    expect(() => convertVertexEmbeddingResponse({ predictions: [{}] }, route)).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
  });
});
