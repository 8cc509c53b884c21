import type { ContentPart, InputFile } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { BedrockContentBlock, BedrockDocumentFormat, BedrockImageFormat, BedrockSource } from './bedrock-wire-types.js';
import type { ConversionNotes } from './conversion-notes.js';
import { dataUrlToBase64, parseDataUrl } from '../shared/parse-data-url.js';

const IMAGE_FORMATS: Readonly<Record<string, BedrockImageFormat>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const DOCUMENT_FORMATS: Readonly<Record<string, BedrockDocumentFormat>> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

const DOCUMENT_EXTENSIONS = new Set<string>(Object.values(DOCUMENT_FORMATS));

/**
 * One OpenAI user content part as a Converse content block. `where` names the part in errors
 * (`messages[1].content[0]`). Bedrock does not download URLs: images and files must arrive as
 * base64 data URLs or as `s3://` URIs in the caller's account.
 */
export function convertBedrockContentPart(part: ContentPart, where: string, notes: ConversionNotes): BedrockContentBlock {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image_url':
      return convertImage(part.image_url.url, `${where}.image_url.url`, part.image_url.detail, notes);
    case 'file':
      return convertFile(part.file, where, notes);
    case 'input_audio':
      throw new BadRequestError(`${where}: Bedrock's Converse API does not accept audio input (input_audio)`);
    default: {
      const unknown: never = part;
      throw new BadRequestError(`${where}: unsupported content part type "${String((unknown as { type?: unknown }).type)}"`);
    }
  }
}

function convertImage(url: string, where: string, detail: string | undefined, notes: ConversionNotes): BedrockContentBlock {
  if (detail !== undefined && detail !== 'auto') notes.warnings.push(`${where}: image detail "${detail}" is not supported by Bedrock and was ignored`);
  if (url.startsWith('s3://')) {
    const format = IMAGE_FORMATS[`image/${extensionOf(url)}`];
    if (format === undefined) throw new BadRequestError(`${where}: cannot tell the image format of ${url}; use a .png, .jpeg, .gif or .webp key`);
    return { image: { format, source: { s3Location: { uri: url } } } };
  }
  const data = parseDataUrl(url);
  if (data === undefined) {
    throw new BadRequestError(
      `${where}: Bedrock does not fetch image URLs; send the image as a base64 data URL (data:image/png;base64,...) or an s3:// URI`,
    );
  }
  const format = IMAGE_FORMATS[data.mediaType];
  if (format === undefined) {
    throw new BadRequestError(`${where}: Bedrock accepts png, jpeg, gif and webp images, not ${data.mediaType}`);
  }
  return { image: { format, source: { bytes: dataUrlToBase64(data) } } };
}

function convertFile(file: InputFile, where: string, notes: ConversionNotes): BedrockContentBlock {
  let source: BedrockSource;
  let mediaType: string | undefined;
  if (file.file_data !== undefined) {
    const data = parseDataUrl(file.file_data);
    if (data === undefined) throw new BadRequestError(`${where}.file.file_data: expected a base64 data URL (data:application/pdf;base64,...)`);
    const image = IMAGE_FORMATS[data.mediaType];
    if (image !== undefined) return { image: { format: image, source: { bytes: dataUrlToBase64(data) } } };
    source = { bytes: dataUrlToBase64(data) };
    mediaType = data.mediaType;
  } else if (file.file_id?.startsWith('s3://') === true) {
    source = { s3Location: { uri: file.file_id } };
  } else {
    throw new BadRequestError(
      `${where}.file: Bedrock has no file ids; send file_data as a base64 data URL, or file_id as an s3:// URI`,
    );
  }
  const extension = extensionOf(file.filename ?? file.file_id ?? '');
  const format =
    (mediaType === undefined ? undefined : DOCUMENT_FORMATS[mediaType]) ??
    (DOCUMENT_EXTENSIONS.has(extension) ? (extension as BedrockDocumentFormat) : undefined);
  if (format === undefined) {
    throw new BadRequestError(
      `${where}.file: Bedrock documents must be pdf, csv, doc, docx, xls, xlsx, html, txt or md (got ${mediaType ?? (extension || 'no type')})`,
    );
  }
  return { document: { format, name: documentName(file.filename, notes), source } };
}

/**
 * Bedrock allows only letters, digits, single spaces, hyphens, parentheses and square brackets in
 * a document name, and the model reads it, so the file name is kept where it can be.
 */
function documentName(filename: string | undefined, notes: ConversionNotes): string {
  const stem = (filename ?? '').replace(/\.[A-Za-z0-9]+$/, '');
  const cleaned = stem
    .replace(/[^A-Za-z0-9\s\-()[\]]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 190);
  let name = cleaned === '' ? 'document' : cleaned;
  for (let suffix = 2; notes.documentNames.has(name); suffix += 1) name = `${cleaned === '' ? 'document' : cleaned} (${suffix})`;
  notes.documentNames.add(name);
  return name;
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name.split('?')[0] ?? '');
  const extension = (match?.[1] ?? '').toLowerCase();
  return extension === 'jpg' ? 'jpeg' : extension;
}
