import type { SpeechRequest } from '../../../../generated/types/index.js';
import { createBinaryResponse } from '../../../streaming/create-binary-response.js';
import { mergeExtraBody } from '../../shared/merge-extra-body.js';
import { createOpenAiShape } from './create-openai-shape.js';

/** `speech`: `POST /audio/speech`; the audio comes back as a streamed `BinaryResponse`. */
export const speechShape = createOpenAiShape<SpeechRequest>({
  endpoint: 'speech',
  method: 'POST',
  openAiPath: '/audio/speech',
  body: (request, route) => mergeExtraBody(request as unknown as Record<string, unknown>, { model: route.model }),
  response: 'binary',
  readResponse: createBinaryResponse,
});
