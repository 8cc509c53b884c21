import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { assemblyAiTranscribeShape } from './assemblyai-transcribe-shape.js';

/** AssemblyAI's shapes: speech-to-text (upload, create a transcript, poll it). */
export const resolveAssemblyAiEndpointShape: WireShapeResolver = (operation) =>
  operation === 'transcribe' ? (assemblyAiTranscribeShape as WireShape) : undefined;
