import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { ollamaCompletionShape } from './ollama-completion-shape.js';

/** Ollama's own shapes beyond chat, embeddings and model lists: `completion` (`POST /api/generate`). */
export const resolveOllamaEndpointShape: WireShapeResolver = (operation) =>
  operation === 'completion' ? (ollamaCompletionShape as WireShape) : undefined;
