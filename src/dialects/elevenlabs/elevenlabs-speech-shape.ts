import type { SpeechRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { createBinaryResponse } from '../../streaming/create-binary-response.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';

/** OpenAI's `response_format` as ElevenLabs' `output_format` (codec, sample rate, bit rate). */
const OUTPUT_FORMATS: Readonly<Partial<Record<NonNullable<SpeechRequest['response_format']>, string>>> = {
  mp3: 'mp3_44100_128',
  opus: 'opus_48000_128',
  pcm: 'pcm_24000',
};

/**
 * ElevenLabs' `POST /v1/text-to-speech/{voice}?output_format=...`: `voice` is the voice id (a
 * segment after the declared path), the model `model_id`, `speed` goes in `voice_settings`;
 * `extra_body.output_format` picks any other format, its other keys (`voice_settings`, `seed`,
 * `language_code`, ...) join the body as-is. The audio comes back streamed.
 */
export const elevenLabsSpeechShape: WireShape<SpeechRequest> = {
  buildRequest(request, route) {
    const { extra_body: extraBody, input, voice, speed, instructions, response_format: format = 'mp3' } = request;
    const { output_format: asked, ...extra } = extraBody ?? {};
    const outputFormat = typeof asked === 'string' ? asked : OUTPUT_FORMATS[format];
    if (outputFormat === undefined) {
      throw new BadRequestError(
        `speech(request.response_format): ElevenLabs has no "${format}" output; use mp3, opus or pcm, or name one in extra_body.output_format`,
        { provider: route.provider.id, model: route.model },
      );
    }
    const warnings = instructions === undefined ? [] : ['dropped "instructions": ElevenLabs text-to-speech takes no instructions'];
    return {
      endpoint: 'speech',
      method: 'POST',
      path: resolveEndpointPath(route, 'speech', '/text-to-speech', typeof voice === 'string' ? voice : voice.id),
      query: { output_format: outputFormat },
      body: mergeExtraBody({
        text: input,
        model_id: route.model,
        voice_settings: speed === undefined ? undefined : { speed },
        extra_body: extra,
      }),
      response: 'binary',
      warnings,
    };
  },
  readResponse: createBinaryResponse,
};
