import { describe, expect, it } from 'vitest';
import { convertBedrockEmbeddingRequest } from '../../../src/dialects/bedrock/convert-bedrock-embedding-request.js';
import { convertBedrockEmbeddingResponse } from '../../../src/dialects/bedrock/convert-bedrock-embedding-response.js';
import { bedrockRoute } from './bedrock-route.js';

const titan = bedrockRoute('amazon.titan-embed-text-v2:0');
const cohere = bedrockRoute('cohere.embed-english-v3');

describe('convertBedrockEmbeddingRequest', () => {
  it('builds the Titan Text Embeddings V2 body', () => {
    const wire = convertBedrockEmbeddingRequest(
      { model: 'bedrock/amazon.titan-embed-text-v2:0', input: 'What are the different services that you offer?', dimensions: 512, extra_body: { normalize: true } },
      titan,
    );
    expect(wire).toEqual({
      endpoint: 'embeddings',
      method: 'POST',
      path: '/model/{model}/invoke',
      body: { inputText: 'What are the different services that you offer?', dimensions: 512, normalize: true },
      warnings: [],
    });
    expect(convertBedrockEmbeddingRequest({ model: 'x', input: ['only one'] }, titan).body).toEqual({ inputText: 'only one' });
  });

  it('refuses several texts for Titan, which embeds one per call', () => {
    expect(() => convertBedrockEmbeddingRequest({ model: 'x', input: ['a', 'b'] }, titan)).toThrow(/input: Titan embedding models on Bedrock embed one text per call \(got 2\)/);
    expect(() => convertBedrockEmbeddingRequest({ model: 'x', input: [1, 2, 3] }, titan)).toThrow(/token ids/);
  });

  it('builds the Cohere Embed body with input_type defaulting to search_document', () => {
    const wire = convertBedrockEmbeddingRequest({ model: 'x', input: ['Hello', 'World'], encoding_format: 'base64' }, cohere);
    expect(wire.body).toEqual({ texts: ['Hello', 'World'], input_type: 'search_document' });
    expect(wire.warnings).toEqual(['encoding_format "base64" is not supported by Bedrock; embeddings are returned as float arrays']);
    const query = convertBedrockEmbeddingRequest(
      { model: 'x', input: 'Hello', dimensions: 256, extra_body: { input_type: 'search_query', truncate: 'END' } },
      bedrockRoute('us.cohere.embed-v4:0'),
    );
    expect(query.body).toEqual({ texts: ['Hello'], input_type: 'search_query', output_dimension: 256, truncate: 'END' });
    expect(() => convertBedrockEmbeddingRequest({ model: 'x', input: Array.from({ length: 97 }, () => 'a') }, cohere)).toThrow(/at most 96/);
  });
});

describe('convertBedrockEmbeddingResponse', () => {
  it('converts a Titan answer with its token count', () => {
    expect(convertBedrockEmbeddingResponse({ embedding: [0.0177, -0.0052, 0.0431], inputTextTokenCount: 9, embeddingsByType: { float: [0.0177, -0.0052, 0.0431] } }, titan)).toEqual({
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.0177, -0.0052, 0.0431] }],
      model: 'amazon.titan-embed-text-v2:0',
      usage: { prompt_tokens: 9, total_tokens: 9 },
    });
    expect(convertBedrockEmbeddingResponse({ embeddingsByType: { float: [1, 2] }, inputTextTokenCount: 2 }, titan).data[0]?.embedding).toEqual([1, 2]);
  });

  it('converts Cohere answers, plain and by type', () => {
    const plain = convertBedrockEmbeddingResponse(
      { embeddings: [[0.1, 0.2], [0.3, 0.4]], id: '1f2ca2e8-0a5d-4d5b-9b42-3c9c1ae3b0d1', response_type: 'embeddings_floats', texts: ['hello', 'world'] },
      cohere,
    );
    expect(plain.data).toEqual([
      { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
      { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
    ]);
    expect(plain).not.toHaveProperty('usage');
    const byType = convertBedrockEmbeddingResponse({ embeddings: { float: [[0.5]], int8: [[12]] }, response_type: 'embeddings_by_type' }, cohere);
    expect(byType.data).toEqual([{ object: 'embedding', index: 0, embedding: [0.5] }]);
  });

  it('rejects a body with no vectors', () => {
    expect(() => convertBedrockEmbeddingResponse({ message: 'nope' }, titan)).toThrow(/neither a Titan "embedding" nor Cohere "embeddings"/);
  });
});
