import type { SpeechRequest } from '../../generated/types/index.js';
import { createBinaryResponse } from './create-binary-response.js';
import { resolveEndpointPath } from './resolve-endpoint-path.js';
import type { EndpointOperation } from './endpoint-operation.js';
import { mergeExtraBody } from './merge-extra-body.js';

/** `speech`: `POST /audio/speech`; the audio comes back as a streamed `BinaryResponse`. */
export const speechOperation: EndpointOperation<SpeechRequest> = {
  endpoint: 'speech',
  openAi: {
    buildRequest(request, route) {
      return {
        method: 'POST',
        path: resolveEndpointPath(route, 'speech', '/audio/speech'),
        body: {
          kind: 'json',
          value: mergeExtraBody(request as unknown as Record<string, unknown>, { model: route.model }),
        },
        response: 'binary',
      };
    },
    readResponse: createBinaryResponse,
  },
};
