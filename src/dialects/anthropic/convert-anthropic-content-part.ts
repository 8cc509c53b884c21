import type { ContentPart } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { AnthropicCacheControl, AnthropicDocumentBlock, AnthropicImageBlock, AnthropicTextBlock } from './anthropic-wire-types.js';
import { FILES_API_BETA, type ConversionNotes } from './conversion-notes.js';
import { parseDataUrl, type DataUrl } from '../shared/parse-data-url.js';

/**
 * One part of a user message as an Anthropic content block: text, images (base64 data URLs become
 * `source.type: base64`, http(s) URLs `source.type: url`) and files (PDFs and plain text become
 * `document` blocks, images `image` blocks, uploaded `file_id`s `source.type: file` with the Files
 * API beta). A `cache_control` object on the part is passed through. Audio has no Anthropic
 * equivalent and is rejected naming the field.
 */
export type AnthropicUserBlock = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock;

export function convertAnthropicContentPart(part: ContentPart, field: string, notes: ConversionNotes): AnthropicUserBlock {
  const block = convertPart(part, field, notes);
  const cacheControl = readCacheControl(part);
  return cacheControl === undefined ? block : { ...block, cache_control: cacheControl };
}

function convertPart(part: ContentPart, field: string, notes: ConversionNotes): AnthropicUserBlock {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image_url': {
      const detail = part.image_url.detail;
      if (detail !== undefined && detail !== 'auto') {
        notes.warnings.push(`dropped "${field}.image_url.detail": Anthropic has no image detail setting`);
      }
      return convertUrl(part.image_url.url, `${field}.image_url.url`, { kind: 'image', filename: undefined });
    }
    case 'file': {
      const { file_data: fileData, file_id: fileId, filename } = part.file;
      if (typeof fileId === 'string' && fileId !== '') {
        notes.betas.add(FILES_API_BETA);
        return withTitle({ type: 'document', source: { type: 'file', file_id: fileId } }, filename);
      }
      if (typeof fileData === 'string' && fileData !== '') {
        return convertUrl(fileData, `${field}.file.file_data`, { kind: 'file', filename });
      }
      throw new BadRequestError(`${field}.file: set file_data (a base64 data URL) or file_id`);
    }
    case 'input_audio':
      throw new BadRequestError(`${field}: Anthropic does not accept audio input (input_audio)`);
    default: {
      const unknown: never = part;
      throw new BadRequestError(`${field}: unknown content part type ${JSON.stringify((unknown as { type?: unknown }).type)}`);
    }
  }
}

interface UrlOrigin {
  /** An `image_url` part is an image unless its URL names a PDF; a `file` part is a document unless it names an image. */
  readonly kind: 'image' | 'file';
  readonly filename: string | undefined;
}

function convertUrl(url: string, field: string, origin: UrlOrigin): AnthropicImageBlock | AnthropicDocumentBlock {
  if (/^https?:\/\//i.test(url)) {
    const image = origin.kind === 'image' ? !/\.pdf(?:$|[?#])/i.test(url) : /\.(?:png|jpe?g|gif|webp)(?:$|[?#])/i.test(url);
    return image ? { type: 'image', source: { type: 'url', url } } : withTitle({ type: 'document', source: { type: 'url', url } }, origin.filename);
  }
  const dataUrl = parseDataUrl(url);
  if (dataUrl === undefined) {
    throw new BadRequestError(`${field}: Anthropic accepts http(s) URLs and base64 data URLs, not ${JSON.stringify(url.slice(0, 40))}`);
  }
  return convertDataUrl(dataUrl, field, origin.filename);
}

function convertDataUrl(dataUrl: DataUrl, field: string, filename: string | undefined): AnthropicImageBlock | AnthropicDocumentBlock {
  const { mediaType } = dataUrl;
  if (mediaType === 'text/plain') {
    return withTitle({ type: 'document', source: { type: 'text', media_type: 'text/plain', data: decodeText(dataUrl) } }, filename);
  }
  if (!dataUrl.base64) throw new BadRequestError(`${field}: a ${mediaType} data URL must be base64-encoded`);
  if (mediaType.startsWith('image/')) return { type: 'image', source: { type: 'base64', media_type: mediaType, data: dataUrl.data } };
  if (mediaType === 'application/pdf') {
    return withTitle({ type: 'document', source: { type: 'base64', media_type: mediaType, data: dataUrl.data } }, filename);
  }
  throw new BadRequestError(`${field}: Anthropic accepts images, PDFs and plain text, not ${mediaType}`);
}

function withTitle(block: AnthropicDocumentBlock, filename: string | undefined): AnthropicDocumentBlock {
  return filename === undefined || filename === '' ? block : { ...block, title: filename };
}

function decodeText(dataUrl: DataUrl): string {
  if (!dataUrl.base64) return decodeURIComponent(dataUrl.data);
  const binary = atob(dataUrl.data);
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** `cache_control` is not in the OpenAI types; callers add it to parts as Anthropic documents it. */
export function readCacheControl(value: unknown): AnthropicCacheControl | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const cacheControl = (value as { cache_control?: unknown }).cache_control;
  return cacheControl !== null && typeof cacheControl === 'object' ? (cacheControl as AnthropicCacheControl) : undefined;
}
