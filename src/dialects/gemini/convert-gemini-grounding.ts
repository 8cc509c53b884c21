import type { Annotation } from '../../../generated/types/index.js';
import type { GeminiGroundingMetadata } from './gemini-wire-types.js';

/** The text a grounding segment's `partIndex` points into, and where it starts in the OpenAI content. */
export interface GroundedPart {
  readonly text: string;
  readonly contentOffset: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Gemini's web grounding as OpenAI `url_citation` annotations, which OpenAI's schema requires to
 * carry `start_index`/`end_index`. Each `groundingSupports[]` entry cites its `groundingChunkIndices`
 * over its segment; the segment's `startIndex`/`endIndex` are UTF-8 byte offsets into the part
 * `partIndex` (Google's Segment docs), turned here into string indexes of the OpenAI content, so
 * `content.slice(start_index, end_index)` is the cited text. A web source no support cites still
 * grounds the answer: it is cited over the whole content rather than dropped. Streams pass the
 * candidate's text so far as every part: a streamed segment indexes the whole answer text.
 */
export function convertGeminiGrounding(
  metadata: GeminiGroundingMetadata | undefined,
  partAt: (partIndex: number) => GroundedPart | undefined,
  contentLength: number,
): Annotation[] {
  const sources = metadata?.groundingChunks ?? [];
  const annotations: Annotation[] = [];
  const cited = new Set<number>();
  for (const support of metadata?.groundingSupports ?? []) {
    const segment = support?.segment;
    const part = partAt(segment?.partIndex ?? 0);
    if (segment === undefined || part === undefined) continue;
    const start = part.contentOffset + characterIndex(part.text, segment.startIndex ?? 0);
    const end = part.contentOffset + characterIndex(part.text, segment.endIndex ?? 0);
    for (const sourceIndex of support.groundingChunkIndices ?? []) {
      const web = sources[sourceIndex]?.web;
      if (typeof web?.uri !== 'string') continue;
      cited.add(sourceIndex);
      annotations.push(urlCitation(web.uri, web.title, start, end));
    }
  }
  sources.forEach((source, index) => {
    if (!cited.has(index) && typeof source?.web?.uri === 'string') annotations.push(urlCitation(source.web.uri, source.web.title, 0, contentLength));
  });
  return annotations;
}

function urlCitation(url: string, title: string | undefined, start: number, end: number): Annotation {
  return { type: 'url_citation', url_citation: { start_index: start, end_index: end, url, ...(title === undefined ? {} : { title }) } };
}

/** The string index at UTF-8 byte `offset` of `text` (clamped to the text). */
function characterIndex(text: string, offset: number): number {
  const bytes = encoder.encode(text);
  if (offset >= bytes.length) return text.length;
  if (offset <= 0) return 0;
  return decoder.decode(bytes.subarray(0, offset)).length;
}
