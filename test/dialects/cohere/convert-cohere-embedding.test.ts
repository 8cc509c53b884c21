import { describe, expect, it } from 'vitest';
import { convertCohereEmbeddingRequest } from '../../../src/dialects/cohere/convert-cohere-embedding-request.js';
import { convertCohereEmbeddingResponse } from '../../../src/dialects/cohere/convert-cohere-embedding-response.js';
import { cohereRoute, embedResponse } from './cohere-fixtures.js';

const route = cohereRoute('embed-v4.0');

describe('convertCohereEmbeddingRequest', () => {
  it('builds the documented /v2/embed body with a default input_type and float vectors', () => {
    expect(convertCohereEmbeddingRequest({ model: 'cohere/embed-v4.0', input: ['hello', 'goodbye'], dimensions: 256 }, route)).toEqual({
      endpoint: 'embeddings',
      method: 'POST',
      path: '/v2/embed',
      body: { model: 'embed-v4.0', texts: ['hello', 'goodbye'], input_type: 'search_document', embedding_types: ['float'], output_dimension: 256 },
      warnings: [],
    });
  });

  it('takes input_type and other Cohere options from extra_body', () => {
    const wire = convertCohereEmbeddingRequest({ model: 'embed-v4.0', input: 'where is Paris?', extra_body: { input_type: 'search_query', truncate: 'END' } }, route);
    expect(wire.body).toMatchObject({ texts: ['where is Paris?'], input_type: 'search_query', truncate: 'END' });
  });

  it('rejects token ids and reports what it cannot honour', () => {
    expect(() => convertCohereEmbeddingRequest({ model: 'embed-v4.0', input: [1, 2, 3] }, route)).toThrow(
      expect.objectContaining({ kind: 'BadRequest', message: expect.stringContaining('token ids') }),
    );
    const wire = convertCohereEmbeddingRequest({ model: 'embed-v4.0', input: 'x', encoding_format: 'base64', user: 'u' }, route);
    expect(wire.warnings).toEqual([expect.stringContaining('"user"'), expect.stringContaining('encoding_format')]);
  });
});

describe('convertCohereEmbeddingResponse', () => {
  it('returns one OpenAI embedding per text, in order, with billed input tokens as usage', () => {
    expect(convertCohereEmbeddingResponse(embedResponse, route)).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [0.016296387, -0.008354187, -0.04699707] },
        { object: 'embedding', index: 1, embedding: [-0.0018434525, 0.04272461, 0.0115356445] },
      ],
      model: 'embed-v4.0',
      usage: { prompt_tokens: 2, total_tokens: 2 },
    });
  });

  it('rejects a response without float vectors', () => {
    expect(() => convertCohereEmbeddingResponse({ embeddings: { int8: [[1]] } }, route)).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
  });
});
