import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { parseDataUrl } from './parse-data-url.js';

/**
 * The request's `messages` with every OpenAI `file` content part as a `document_url` part holding
 * its data URL (registry quirk `fileParts: "document_url"`: Mistral has no `file` part and reads
 * documents from `document_url`, data URLs included). A `file_id` names a file stored at OpenAI and
 * cannot be sent, and `file_data` that is not a data URL has no media type: both are refused before
 * sending rather than passed on for the provider to reject.
 */
export function convertFilePartsToDocumentUrl(messages: unknown, route: ResolvedRoute): unknown {
  if (!Array.isArray(messages)) return messages;
  return messages.map((message: unknown, index) => {
    const content = message !== null && typeof message === 'object' ? (message as { content?: unknown }).content : undefined;
    if (!Array.isArray(content) || !content.some(isFilePart)) return message;
    return {
      ...(message as object),
      content: content.map((part: unknown, partIndex) => (isFilePart(part) ? toDocumentUrl(part, `messages[${index}].content[${partIndex}].file`, route) : part)),
    };
  });
}

interface FilePart {
  readonly type: 'file';
  readonly file?: { readonly file_data?: unknown; readonly file_id?: unknown; readonly filename?: unknown };
}

function isFilePart(part: unknown): part is FilePart {
  return part !== null && typeof part === 'object' && (part as { type?: unknown }).type === 'file';
}

function toDocumentUrl(part: FilePart, field: string, route: ResolvedRoute): Record<string, unknown> {
  const { file_data: fileData, file_id: fileId, filename } = part.file ?? {};
  const refuse = (why: string): never => {
    throw new BadRequestError(`${field}: ${route.provider.id} ${why}`, { provider: route.provider.id, model: route.model });
  };
  if (typeof fileData !== 'string') {
    return refuse(fileId === undefined ? 'needs file_data (a base64 data URL)' : 'cannot read an OpenAI file_id; send file_data (a base64 data URL) instead');
  }
  if (parseDataUrl(fileData) === undefined) return refuse('needs file_data as a data URL (data:application/pdf;base64,...)');
  return { type: 'document_url', document_url: fileData, ...(typeof filename === 'string' ? { document_name: filename } : {}) };
}
