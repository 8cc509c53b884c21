import type { TranscriptionResponse } from '../../../generated/types/index.js';
import { validateTranscriptionResponse } from '../../../generated/validators/transcription-response.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';

interface DeepgramWord {
  readonly word?: string;
  readonly punctuated_word?: string;
  readonly start?: number;
  readonly end?: number;
}

/** The parts of Deepgram's `/v1/listen` answer that map to OpenAI's transcription. */
interface DeepgramListenBody {
  readonly metadata?: { readonly duration?: number };
  readonly results?: {
    readonly channels?: ReadonlyArray<{
      readonly detected_language?: string;
      readonly alternatives?: ReadonlyArray<{ readonly transcript?: string; readonly words?: readonly DeepgramWord[] }>;
    }>;
    readonly utterances?: ReadonlyArray<{
      readonly id?: string;
      readonly start?: number;
      readonly end?: number;
      readonly transcript?: string;
      readonly speaker?: number;
    }>;
  };
}

/**
 * Deepgram's answer as OpenAI's verbose transcription: the first channel's best alternative is the
 * text, its words (punctuated when Deepgram punctuates) the words, utterances (asked for with
 * `utterances=true`) the segments, `metadata.duration` the duration in seconds.
 */
export function convertDeepgramTranscription(body: unknown, route: ResolvedRoute): TranscriptionResponse {
  const listen = (body ?? {}) as DeepgramListenBody;
  const channel = listen.results?.channels?.[0];
  const best = channel?.alternatives?.[0];
  if (typeof best?.transcript !== 'string') {
    return parseEndpointBody<TranscriptionResponse>(body, route, validateTranscriptionResponse, 'transcriptions');
  }
  const utterances = listen.results?.utterances;
  return {
    text: best.transcript,
    ...(channel?.detected_language === undefined ? {} : { language: channel.detected_language }),
    ...(listen.metadata?.duration === undefined ? {} : { duration: listen.metadata.duration }),
    ...(best.words === undefined
      ? {}
      : { words: best.words.map((word) => ({ word: word.punctuated_word ?? word.word ?? '', start: word.start, end: word.end })) }),
    ...(utterances === undefined
      ? {}
      : {
          segments: utterances.map((utterance, index) => ({
            id: index,
            start: utterance.start,
            end: utterance.end,
            text: utterance.transcript ?? '',
            ...(utterance.speaker === undefined ? {} : { speaker: String(utterance.speaker) }),
          })),
        }),
  };
}
