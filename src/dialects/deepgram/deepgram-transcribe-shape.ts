import type { TranscriptionRequest } from '../../../generated/types/index.js';
import { convertToQueryParams } from '../shared/convert-to-query-params.js';
import { parseTranscriptionFormat, selectTranscriptionFields } from '../shared/parse-transcription-format.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import { resolveUploadContentType } from '../shared/resolve-upload-content-type.js';
import type { WireShape } from '../wire-shape.js';
import { convertDeepgramTranscription } from './convert-deepgram-transcription.js';

/**
 * Deepgram's pre-recorded `POST /v1/listen`: the audio is the body (its content type from the
 * blob or file name), options are query parameters (`model`, `language`; `extra_body` keys such as
 * `smart_format` or `diarize` as-is), segments come from `utterances=true`.
 */
export const deepgramTranscribeShape: WireShape<TranscriptionRequest> = {
  buildRequest(request, route) {
    const format = parseTranscriptionFormat(request, route);
    const warnings: string[] = [];
    for (const name of ['prompt', 'temperature', 'include', 'chunking_strategy'] as const) {
      if (request[name] !== undefined) warnings.push(`dropped "${name}": Deepgram's /listen has no such option`);
    }
    const segments = format === 'verbose_json' || request.timestamp_granularities?.includes('segment') === true;
    return {
      endpoint: 'transcriptions',
      method: 'POST',
      path: resolveEndpointPath(route, 'transcriptions', '/listen'),
      query: {
        model: route.model,
        language: request.language,
        utterances: segments ? true : undefined,
        ...convertToQueryParams(request.extra_body, route),
      },
      upload: { value: request.file, contentType: resolveUploadContentType(request.file, request.filename) },
      warnings,
    };
  },
  readResponse(sent, context) {
    const format = parseTranscriptionFormat(context.request as TranscriptionRequest, context.route);
    return selectTranscriptionFields(format, convertDeepgramTranscription(sent.body, context.route));
  },
};
