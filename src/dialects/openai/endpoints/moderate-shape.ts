import type { ModerationRequest } from '../../../../generated/types/index.js';
import { validateModerationResponse } from '../../../../generated/validators/moderation-response.js';
import { createJsonShape } from './create-json-shape.js';

/** `moderate`: `POST /moderations` (OpenAI, Mistral and compatible servers). */
export const moderateShape = createJsonShape<ModerationRequest>({
  endpoint: 'moderations',
  openAiPath: '/moderations',
  validate: validateModerationResponse,
  what: 'moderation',
});
