/**
 * What a request conversion learned on the way besides the body: changes worth a warning, and
 * `anthropic-beta` features the request relies on. One is created per request and filled by the
 * small converters it calls.
 */
export interface ConversionNotes {
  readonly warnings: string[];
  readonly betas: Set<string>;
}

/** The beta a `file_id` source needs (Files API, https://docs.anthropic.com/en/docs/build-with-claude/files). */
export const FILES_API_BETA = 'files-api-2025-04-14';

export function createConversionNotes(): ConversionNotes {
  return { warnings: [], betas: new Set() };
}
