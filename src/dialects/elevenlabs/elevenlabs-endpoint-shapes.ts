import type { Operation } from '../../call/operation.js';
import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { elevenLabsListModelsShape } from './elevenlabs-list-models-shape.js';
import { elevenLabsSpeechShape } from './elevenlabs-speech-shape.js';
import { elevenLabsTranscribeShape } from './elevenlabs-transcribe-shape.js';

const SHAPES: Readonly<Partial<Record<Operation, WireShape<never>>>> = {
  transcribe: elevenLabsTranscribeShape,
  speech: elevenLabsSpeechShape,
  listModels: elevenLabsListModelsShape,
};

/** ElevenLabs' shapes: speech-to-text, text-to-speech and its model list. */
export const resolveElevenLabsEndpointShape: WireShapeResolver = (operation) => SHAPES[operation] as WireShape | undefined;
