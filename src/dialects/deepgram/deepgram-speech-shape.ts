import type { SpeechRequest } from '../../../generated/types/index.js';
import { createBinaryResponse } from '../../streaming/create-binary-response.js';
import { convertToQueryParams } from '../shared/convert-to-query-params.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';

/** OpenAI's `response_format` as Deepgram's `encoding` and `container` query parameters. */
const FORMATS: Readonly<Record<NonNullable<SpeechRequest['response_format']>, Readonly<Record<string, string>>>> = {
  mp3: { encoding: 'mp3' },
  opus: { encoding: 'opus' },
  aac: { encoding: 'aac' },
  flac: { encoding: 'flac' },
  wav: { encoding: 'linear16', container: 'wav' },
  pcm: { encoding: 'linear16', container: 'none' },
};

/**
 * Deepgram's `POST /v1/speak?model=...`: `{ text }` in, the audio out (streamed). A Deepgram voice
 * is its model id (`deepgram/aura-2-thalia-en`), so `voice` is not sent; `extra_body` keys
 * (`sample_rate`, `bit_rate`, ...) are query parameters there.
 */
export const deepgramSpeechShape: WireShape<SpeechRequest> = {
  buildRequest(request, route) {
    const warnings = [`dropped "voice": a Deepgram voice is its model id (here "${route.model}")`];
    if (request.speed !== undefined) warnings.push('dropped "speed": Deepgram /speak has no speed option');
    if (request.instructions !== undefined) warnings.push('dropped "instructions": Deepgram /speak takes no instructions');
    const { extra_body: extraBody } = request;
    return {
      endpoint: 'speech',
      method: 'POST',
      path: resolveEndpointPath(route, 'speech', '/speak'),
      query: { model: route.model, ...FORMATS[request.response_format ?? 'mp3'], ...convertToQueryParams(extraBody, route) },
      body: { text: request.input },
      response: 'binary',
      warnings,
    };
  },
  readResponse: createBinaryResponse,
};
