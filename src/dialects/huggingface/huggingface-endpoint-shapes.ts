import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { featureExtractionShape } from './feature-extraction-shape.js';

/** Hugging Face's task pipelines (HF Inference): `embed` on feature-extraction; chat goes through the router's OpenAI-compatible entry. */
export const resolveHuggingFaceEndpointShape: WireShapeResolver = (operation) =>
  operation === 'embed' ? (featureExtractionShape as WireShape) : undefined;
