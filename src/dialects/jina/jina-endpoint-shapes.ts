import { rerankShape } from '../openai/endpoints/rerank-shape.js';
import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { jinaEmbeddingShape } from './jina-embedding-shape.js';

/** Jina's shapes: embeddings (`POST /v1/embeddings`) and rerank in the OpenAI-style shape gateways use. */
export const resolveJinaEndpointShape: WireShapeResolver = (operation) => {
  if (operation === 'embed') return jinaEmbeddingShape;
  return operation === 'rerank' ? (rerankShape as WireShape) : undefined;
};
