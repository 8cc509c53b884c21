import type { ImageGenerateRequest } from '../../generated/types/index.js';
import { validateImagesResponse } from '../../generated/validators/images-response.js';
import { createJsonShape } from './create-json-shape.js';
import type { EndpointOperation } from './endpoint-operation.js';

/** `imageGenerate`: `POST /images/generations`; URL or base64 results. */
export const imageGenerateOperation: EndpointOperation<ImageGenerateRequest> = {
  endpoint: 'images',
  openAi: createJsonShape({
    endpoint: 'images',
    openAiPath: '/images/generations',
    validate: validateImagesResponse,
    what: 'images',
  }),
};
