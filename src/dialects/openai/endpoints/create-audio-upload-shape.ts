import type { TranscriptionRequest, TranscriptionResponse, TranslationRequest } from '../../../../generated/types/index.js';
import { validateTranscriptionResponse } from '../../../../generated/validators/transcription-response.js';
import { InvalidResponseError } from '../../../errors/error-classes.js';
import { parseEndpointBody } from '../../shared/parse-endpoint-body.js';
import type { WireShape } from '../../wire-shape.js';
import { convertToFormFields } from './convert-to-form-fields.js';
import { createOpenAiShape } from './create-openai-shape.js';

/**
 * `transcribe` (`POST /audio/transcriptions`) or `translate` (`POST /audio/translations`): a
 * multipart upload. The answer is JSON for `json`, `verbose_json` and `diarized_json`, and plain
 * text for `text`, `srt` and `vtt`, returned as `{ text }` so every format gives an object.
 */
export function createAudioUploadShape(
  endpoint: 'transcriptions' | 'translations',
  openAiPath: string,
): WireShape<TranscriptionRequest | TranslationRequest> {
  return createOpenAiShape<TranscriptionRequest | TranslationRequest>({
    endpoint,
    method: 'POST',
    openAiPath,
    multipart: ({ file, filename, extra_body: extraBody, ...fields }, route) => ({
      fields: convertToFormFields({ ...fields, model: route.model, ...extraBody }),
      file: { value: file, filename },
    }),
    response: 'text',
    readResponse(sent, context): TranscriptionResponse {
      const text = sent.body as string;
      const contentType = sent.response.headers.get('content-type') ?? '';
      if (!/\bjson\b/i.test(contentType)) return { text };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new InvalidResponseError(
          `${context.route.provider.id}: the ${endpoint} response says it is JSON but is not`,
          {
            provider: context.route.provider.id,
            model: context.route.model,
            body: text.slice(0, 2000),
          },
        );
      }
      return parseEndpointBody<TranscriptionResponse>(body, context.route, validateTranscriptionResponse, endpoint);
    },
  });
}
