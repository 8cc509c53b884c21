import type { TranscriptionRequest, TranscriptionResponse } from '../../../generated/types/index.js';
import { validateTranscriptionResponse } from '../../../generated/validators/transcription-response.js';
import { convertToFormFields } from '../openai/endpoints/convert-to-form-fields.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { parseTranscriptionFormat, selectTranscriptionFields } from '../shared/parse-transcription-format.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';

/** The parts of ElevenLabs' speech-to-text answer that map to OpenAI's transcription. */
interface ElevenLabsTranscript {
  readonly text?: string;
  readonly language_code?: string;
  readonly words?: ReadonlyArray<{ readonly text?: string; readonly type?: string; readonly start?: number; readonly end?: number }>;
}

/**
 * ElevenLabs' `POST /v1/speech-to-text`: a multipart upload with `model_id` (`scribe_v1`) and
 * `language_code`; `extra_body` keys (`diarize`, `tag_audio_events`, `num_speakers`, ...) become
 * form fields. Its words (spacing and audio events left out) are the words of `verbose_json`.
 */
export const elevenLabsTranscribeShape: WireShape<TranscriptionRequest> = {
  buildRequest(request, route) {
    parseTranscriptionFormat(request, route);
    const warnings: string[] = [];
    for (const name of ['prompt', 'temperature', 'include', 'chunking_strategy', 'timestamp_granularities'] as const) {
      if (request[name] !== undefined) warnings.push(`dropped "${name}": ElevenLabs speech-to-text has no such field`);
    }
    return {
      endpoint: 'transcriptions',
      method: 'POST',
      path: resolveEndpointPath(route, 'transcriptions', '/speech-to-text'),
      multipart: {
        fields: convertToFormFields({ model_id: route.model, language_code: request.language, ...request.extra_body }),
        file: { value: request.file, filename: request.filename },
      },
      warnings,
    };
  },
  readResponse(sent, context) {
    const { route } = context;
    const format = parseTranscriptionFormat(context.request as TranscriptionRequest, route);
    const body = (sent.body ?? {}) as ElevenLabsTranscript;
    if (typeof body.text !== 'string') {
      return parseEndpointBody<TranscriptionResponse>(sent.body, route, validateTranscriptionResponse, 'transcriptions');
    }
    const words = body.words?.filter((word) => word.type === undefined || word.type === 'word');
    return selectTranscriptionFields(format, {
      text: body.text,
      ...(body.language_code === undefined ? {} : { language: body.language_code }),
      ...(words === undefined ? {} : { words: words.map((word) => ({ word: word.text ?? '', start: word.start, end: word.end })) }),
    });
  },
};
