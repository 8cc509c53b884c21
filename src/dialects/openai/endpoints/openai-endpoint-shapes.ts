import type { Operation } from '../../../call/operation.js';
import type { WireShape, WireShapeResolver } from '../../wire-shape.js';
import { BATCH_SHAPES } from './batch-shapes.js';
import { completionShape } from './completion-shape.js';
import { createAudioUploadShape } from './create-audio-upload-shape.js';
import { FILE_SHAPES } from './file-shapes.js';
import { imageGenerateShape } from './image-generate-shape.js';
import { moderateShape } from './moderate-shape.js';
import { ocrShape } from './ocr-shape.js';
import { rerankShape } from './rerank-shape.js';
import { RESPONSE_SHAPES } from './response-shapes.js';
import { searchShape } from './search-shape.js';
import { speechShape } from './speech-shape.js';

/**
 * OpenAI's wire format of every operation beyond chat, embeddings and model lists: what gateways
 * and the providers of the `openai` and `azure` dialects speak. Loaded on the first such call.
 */
const SHAPES: Readonly<Partial<Record<Operation, WireShape<never>>>> = {
  completion: completionShape,
  imageGenerate: imageGenerateShape,
  speech: speechShape,
  transcribe: createAudioUploadShape('transcriptions', '/audio/transcriptions'),
  translate: createAudioUploadShape('translations', '/audio/translations'),
  moderate: moderateShape,
  rerank: rerankShape,
  search: searchShape,
  ocr: ocrShape,
  ...FILE_SHAPES,
  ...BATCH_SHAPES,
  ...RESPONSE_SHAPES,
};

export const resolveOpenAiEndpointShape: WireShapeResolver = (operation) => SHAPES[operation] as WireShape | undefined;
