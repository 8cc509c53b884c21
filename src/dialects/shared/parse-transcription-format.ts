import type { TranscriptionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/** The `response_format` values a speech-to-text API with JSON answers of its own can be mapped to. */
export type NativeTranscriptionFormat = 'json' | 'text' | 'verbose_json';

/**
 * The requested `response_format` of a native speech-to-text API: `json` and `text` give
 * `{ text }`, `verbose_json` adds language, duration, words and segments. Subtitles (`srt`, `vtt`)
 * and `diarized_json` are refused by name rather than answered in another format.
 */
export function parseTranscriptionFormat(request: TranscriptionRequest, route: ResolvedRoute): NativeTranscriptionFormat {
  const format = request.response_format ?? 'json';
  if (format === 'json' || format === 'text' || format === 'verbose_json') return format;
  throw new BadRequestError(
    `transcribe(request.response_format): ${route.provider.id} answers in JSON of its own, mapped to "json", "text" or "verbose_json"; "${format}" is not available`,
    { provider: route.provider.id, model: route.model },
  );
}

/** The OpenAI-shaped answer in the requested format: `{ text }` unless `verbose_json` was asked for. */
export function selectTranscriptionFields<T extends { readonly text: string }>(format: NativeTranscriptionFormat, full: T): T | { text: string } {
  return format === 'verbose_json' ? full : { text: full.text };
}
