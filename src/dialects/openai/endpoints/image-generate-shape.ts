import type { ImageGenerateRequest } from '../../../../generated/types/index.js';
import { validateImagesResponse } from '../../../../generated/validators/images-response.js';
import { createJsonShape } from './create-json-shape.js';

/** `imageGenerate`: `POST /images/generations`; URL or base64 results. */
export const imageGenerateShape = createJsonShape<ImageGenerateRequest>({
  endpoint: 'images',
  openAiPath: '/images/generations',
  validate: validateImagesResponse,
  what: 'images',
});
