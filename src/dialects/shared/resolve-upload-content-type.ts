import type { FileUpload } from '../../transport/file-upload.js';
import { guessMimeType } from '../gemini/guess-mime-type.js';

/** The content type of an upload sent as the raw body: the blob's own, else its name's extension's, else octet-stream. */
export function resolveUploadContentType(file: FileUpload, filename: string | undefined): string {
  if (file instanceof Blob && file.type !== '') return file.type;
  const name = filename ?? (file instanceof Blob ? (file as Blob & { name?: string }).name : undefined);
  return (name === undefined ? undefined : guessMimeType(name)) ?? 'application/octet-stream';
}
