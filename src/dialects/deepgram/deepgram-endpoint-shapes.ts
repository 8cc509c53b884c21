import type { Operation } from '../../call/operation.js';
import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { deepgramSpeechShape } from './deepgram-speech-shape.js';
import { deepgramTranscribeShape } from './deepgram-transcribe-shape.js';

const SHAPES: Readonly<Partial<Record<Operation, WireShape<never>>>> = {
  transcribe: deepgramTranscribeShape,
  speech: deepgramSpeechShape,
};

/** Deepgram's shapes: speech-to-text (`POST /v1/listen`) and text-to-speech (`POST /v1/speak`). */
export const resolveDeepgramEndpointShape: WireShapeResolver = (operation) => SHAPES[operation] as WireShape | undefined;
