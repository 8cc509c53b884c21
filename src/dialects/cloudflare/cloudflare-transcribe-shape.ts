import type { TranscriptionRequest, TranscriptionResponse } from '../../../generated/types/index.js';
import { validateTranscriptionResponse } from '../../../generated/validators/transcription-response.js';
import { isRecord } from '../shared/is-record.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { parseTranscriptionFormat, selectTranscriptionFields } from '../shared/parse-transcription-format.js';
import { resolveUploadContentType } from '../shared/resolve-upload-content-type.js';
import type { WireShape } from '../wire-shape.js';
import { readCloudflareResult } from './read-cloudflare-result.js';
import { resolveRunPath } from './resolve-run-path.js';

/**
 * Workers AI speech-to-text (`POST /run/@cf/openai/whisper`): the audio is the body; the result's
 * `text` and `words` (seconds) map to OpenAI's transcription.
 */
export const cloudflareTranscribeShape: WireShape<TranscriptionRequest> = {
  buildRequest(request, route) {
    parseTranscriptionFormat(request, route);
    const warnings: string[] = [];
    for (const name of ['language', 'prompt', 'temperature', 'include', 'chunking_strategy', 'timestamp_granularities', 'extra_body'] as const) {
      if (request[name] !== undefined) warnings.push(`dropped "${name}": Workers AI whisper takes the audio alone`);
    }
    return {
      endpoint: 'transcriptions',
      method: 'POST',
      path: resolveRunPath(route, 'transcriptions'),
      upload: { value: request.file, contentType: resolveUploadContentType(request.file, request.filename) },
      warnings,
    };
  },
  readResponse(sent, context) {
    const { route } = context;
    const format = parseTranscriptionFormat(context.request as TranscriptionRequest, route);
    const result = readCloudflareResult(sent.body, route, 'transcription');
    const words = isRecord(result) && Array.isArray(result.words) ? result.words.filter(isRecord) : undefined;
    const response =
      isRecord(result) && typeof result.text === 'string'
        ? {
            text: result.text,
            ...(words === undefined ? {} : { words: words.map((word) => ({ word: String(word.word ?? ''), start: word.start, end: word.end })) }),
          }
        : result;
    const parsed = parseEndpointBody<TranscriptionResponse>(response, route, validateTranscriptionResponse, 'transcriptions');
    return selectTranscriptionFields(format, parsed);
  },
};
