import type { ContentPart } from '../../src/index.js';
import { encodeBase64 } from '../../src/dialects/shared/encode-base64.js';
import { invalid, readRequestField } from './read-request-field.js';

/**
 * One Anthropic `text`, `image` or `document` block of a user turn as an OpenAI content part:
 * images (base64 and URL sources) become `image_url` parts (a data URL for base64), documents
 * become `file` parts (a base64 PDF or plain text as a data URL, a URL as `file_data`, an uploaded
 * file as `file_id`; the title as `filename`), which is what the SDK's Anthropic dialect turns back
 * into the same blocks. `cache_control` rides on the part when `keepCacheControl` is set (the SDK's
 * Anthropic dialect reads it there; other providers have no such field).
 */
export function convertAnthropicUserBlock(block: Record<string, unknown>, field: string, keepCacheControl: boolean): ContentPart {
  const part = convertBlock(block, field);
  if (keepCacheControl && block.cache_control !== undefined && block.cache_control !== null) {
    const cached: ContentPart & { cache_control: Record<string, unknown> } = {
      ...part,
      cache_control: readRequestField.record(block.cache_control, `${field}.cache_control`),
    };
    return cached;
  }
  return part;
}

function convertBlock(block: Record<string, unknown>, field: string): ContentPart {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: readRequestField.string(block.text, `${field}.text`) };
    case 'image':
      return convertImage(readRequestField.record(block.source, `${field}.source`), `${field}.source`);
    case 'document':
      return convertDocument(block, field);
    default:
      throw invalid(`${field}.type`, `unknown block type ${JSON.stringify(block.type)}`);
  }
}

function convertImage(source: Record<string, unknown>, field: string): ContentPart {
  switch (source.type) {
    case 'base64': {
      const mediaType = readRequestField.nonEmptyString(source.media_type, `${field}.media_type`);
      const data = readRequestField.string(source.data, `${field}.data`);
      return { type: 'image_url', image_url: { url: `data:${mediaType};base64,${data}` } };
    }
    case 'url':
      return { type: 'image_url', image_url: { url: readRequestField.nonEmptyString(source.url, `${field}.url`) } };
    default:
      // An uploaded file (`type: file`) would reach the SDK as a `file` part, which it sends as a document.
      throw invalid(`${field}.type`, `unsupported image source type ${JSON.stringify(source.type)} (use base64 or url)`);
  }
}

function convertDocument(block: Record<string, unknown>, field: string): ContentPart {
  const source = readRequestField.record(block.source, `${field}.source`);
  const title = block.title === undefined || block.title === null ? undefined : readRequestField.string(block.title, `${field}.title`);
  const named = (file: { file_data?: string; file_id?: string }): ContentPart => ({
    type: 'file',
    file: title === undefined || title === '' ? file : { ...file, filename: title },
  });
  const sourceField = `${field}.source`;
  switch (source.type) {
    case 'base64': {
      const mediaType = readRequestField.nonEmptyString(source.media_type, `${sourceField}.media_type`);
      return named({ file_data: `data:${mediaType};base64,${readRequestField.string(source.data, `${sourceField}.data`)}` });
    }
    case 'text': {
      const text = readRequestField.string(source.data, `${sourceField}.data`);
      return named({ file_data: `data:text/plain;base64,${encodeBase64(new TextEncoder().encode(text))}` });
    }
    case 'url':
      return named({ file_data: readRequestField.nonEmptyString(source.url, `${sourceField}.url`) });
    case 'file':
      return named({ file_id: readRequestField.nonEmptyString(source.file_id, `${sourceField}.file_id`) });
    default:
      throw invalid(`${sourceField}.type`, `unsupported document source type ${JSON.stringify(source.type)} (use base64, text, url or file)`);
  }
}
