import type { TranscriptionResponse } from '../../../generated/types/index.js';

/** The parts of a completed AssemblyAI transcript that map to OpenAI's transcription (times in ms). */
export interface AssemblyAiTranscript {
  readonly id?: string;
  readonly status?: string;
  readonly error?: string;
  readonly text?: string | null;
  readonly language_code?: string;
  readonly audio_duration?: number | null;
  readonly words?: ReadonlyArray<{ readonly text?: string; readonly start?: number; readonly end?: number }> | null;
  readonly utterances?: ReadonlyArray<{
    readonly text?: string;
    readonly start?: number;
    readonly end?: number;
    readonly speaker?: string;
  }> | null;
}

const seconds = (milliseconds: number | undefined): number | undefined =>
  milliseconds === undefined ? undefined : milliseconds / 1000;

/**
 * A completed AssemblyAI transcript as OpenAI's verbose transcription: times from milliseconds to
 * seconds, utterances (with `speaker_labels`) as segments, `audio_duration` as the duration.
 */
export function convertAssemblyAiTranscript(transcript: AssemblyAiTranscript): TranscriptionResponse {
  const { words, utterances } = transcript;
  return {
    text: transcript.text ?? '',
    ...(transcript.language_code === undefined ? {} : { language: transcript.language_code }),
    ...(typeof transcript.audio_duration === 'number' ? { duration: transcript.audio_duration } : {}),
    ...(words == null
      ? {}
      : { words: words.map((word) => ({ word: word.text ?? '', start: seconds(word.start), end: seconds(word.end) })) }),
    ...(utterances == null
      ? {}
      : {
          segments: utterances.map((utterance, index) => ({
            id: index,
            start: seconds(utterance.start),
            end: seconds(utterance.end),
            text: utterance.text ?? '',
            ...(utterance.speaker === undefined ? {} : { speaker: utterance.speaker }),
          })),
        }),
  };
}
