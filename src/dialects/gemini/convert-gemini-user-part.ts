import type { ContentPart } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { GeminiPart } from './gemini-wire-types.js';
import { guessMimeType } from './guess-mime-type.js';
import { parseDataUrl } from '../shared/parse-data-url.js';

export interface ConvertedUserPart {
  readonly part: GeminiPart;
  readonly warning?: string;
}

const AUDIO_MIME: Readonly<Record<string, string>> = { wav: 'audio/wav', mp3: 'audio/mp3' };

/**
 * One OpenAI user content part as a Gemini part: text as text; base64 data URLs (images, files,
 * audio) as `inlineData`; http(s) and gs:// URLs and uploaded file ids as `fileData`, with the MIME
 * type guessed from the extension (a warning when it cannot be).
 */
export function convertGeminiUserPart(part: ContentPart, path: string, provider: string): ConvertedUserPart {
  switch (part.type) {
    case 'text':
      return { part: { text: part.text } };
    case 'image_url': {
      const url = part.image_url?.url;
      if (typeof url !== 'string' || url === '') throw badRequest(provider, `${path}.image_url.url must be a URL`);
      const warning = part.image_url.detail !== undefined && part.image_url.detail !== 'auto'
        ? `${path}.image_url.detail: Gemini has no per-image detail setting; use extra_body.generationConfig.mediaResolution`
        : undefined;
      const converted = convertUrl(url, undefined, `${path}.image_url.url`, provider);
      const warnings = [warning, converted.warning].filter((entry): entry is string => entry !== undefined);
      return warnings.length === 0 ? { part: converted.part } : { part: converted.part, warning: warnings.join('; ') };
    }
    case 'input_audio': {
      const mimeType = AUDIO_MIME[part.input_audio?.format];
      if (mimeType === undefined) throw badRequest(provider, `${path}.input_audio.format must be wav or mp3`);
      return { part: { inlineData: { mimeType, data: part.input_audio.data } } };
    }
    case 'file': {
      const file = part.file ?? {};
      if (typeof file.file_data === 'string' && file.file_data !== '') {
        const dataUrl = parseDataUrl(file.file_data);
        if (dataUrl?.base64 === true) return { part: { inlineData: { mimeType: dataUrl.mediaType, data: dataUrl.data } } };
        // OpenAI also takes bare base64 with a file name; the name says what it is.
        const mimeType = file.filename === undefined ? undefined : guessMimeType(file.filename);
        if (mimeType === undefined) {
          throw badRequest(provider, `${path}.file.file_data: give a data: URL (data:<mime>;base64,...) or a filename with a known extension`);
        }
        return { part: { inlineData: { mimeType, data: file.file_data } } };
      }
      if (typeof file.file_id === 'string' && file.file_id !== '') {
        return convertUrl(file.file_id, file.filename, `${path}.file.file_id`, provider);
      }
      throw badRequest(provider, `${path}.file needs file_data or file_id`);
    }
    default: {
      const unknown: never = part;
      throw badRequest(provider, `${path}.type "${String((unknown as { type?: unknown }).type)}" is not a content part type Gemini accepts`);
    }
  }
}

function convertUrl(url: string, filename: string | undefined, path: string, provider: string): ConvertedUserPart {
  if (url.startsWith('data:')) {
    const dataUrl = parseDataUrl(url);
    if (dataUrl?.base64 !== true) throw badRequest(provider, `${path} is a data URL but not a base64 one (data:<mime>;base64,...)`);
    return { part: { inlineData: { mimeType: dataUrl.mediaType, data: dataUrl.data } } };
  }
  const mimeType = guessMimeType(url) ?? (filename === undefined ? undefined : guessMimeType(filename));
  if (mimeType !== undefined) return { part: { fileData: { mimeType, fileUri: url } } };
  return {
    part: { fileData: { fileUri: url } },
    warning: `${path}: no MIME type could be told from the URL, so fileData is sent without one (Gemini may reject it); use a data: URL or a URL ending in a known extension`,
  };
}

function badRequest(provider: string, message: string): BadRequestError {
  return new BadRequestError(`${provider}: ${message}`, { provider });
}
