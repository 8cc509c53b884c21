import type { Operation } from '../../call/operation.js';
import { getConversionShapes } from '../create-conversion-shapes.js';
import { openAiDialect } from '../openai/openai-dialect.js';
import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { cloudflareImageShape } from './cloudflare-image-shape.js';
import { cloudflareListModelsShape } from './cloudflare-list-models-shape.js';
import { cloudflareTranscribeShape } from './cloudflare-transcribe-shape.js';

const openAi = getConversionShapes(openAiDialect);

const SHAPES: Readonly<Partial<Record<Operation, WireShape<never>>>> = {
  // Chat and embeddings through Workers AI's OpenAI-compatible endpoints (`/v1/chat/completions`, `/v1/embeddings`).
  chat: openAi.chat,
  chatStream: openAi.chatStream,
  embed: openAi.embed,
  imageGenerate: cloudflareImageShape,
  transcribe: cloudflareTranscribeShape,
  listModels: cloudflareListModelsShape,
};

/** Cloudflare Workers AI: OpenAI's chat and embeddings, the native `/run/{model}` for images and speech, its model search. */
export const resolveCloudflareEndpointShape: WireShapeResolver = (operation) => SHAPES[operation] as WireShape | undefined;
