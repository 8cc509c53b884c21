import { rerankShape } from '../openai/endpoints/rerank-shape.js';
import type { WireShape, WireShapeResolver } from '../wire-shape.js';

/** Jina serves rerank in the OpenAI-style shape gateways use; its other endpoints have no dialect module yet. */
export const resolveJinaEndpointShape: WireShapeResolver = (operation) =>
  operation === 'rerank' ? (rerankShape as WireShape) : undefined;
