import type { ModerationRequest } from '../../generated/types/index.js';
import { validateModerationResponse } from '../../generated/validators/moderation-response.js';
import { createJsonShape } from './create-json-shape.js';
import type { EndpointOperation } from './endpoint-operation.js';

/** `moderate`: `POST /moderations` (OpenAI, Mistral and compatible servers). */
export const moderateOperation: EndpointOperation<ModerationRequest> = {
  endpoint: 'moderations',
  openAi: createJsonShape({
    endpoint: 'moderations',
    openAiPath: '/moderations',
    validate: validateModerationResponse,
    what: 'moderation',
  }),
};
