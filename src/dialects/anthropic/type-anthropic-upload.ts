import type { FileUpload } from '../../transport/file-upload.js';
import { guessMimeType } from '../gemini/guess-mime-type.js';

/**
 * Anthropic records an upload's `mime_type` from the part's content type, and decides from it
 * whether a `file_id` is a document or an image; raw bytes would go as
 * `application/octet-stream`. Bytes are therefore sent as a Blob typed from the file name's
 * extension (`notes.pdf` → `application/pdf`) when it names a known type. A Blob or File keeps
 * its own type, and a stream is sent as it is.
 */
export function typeAnthropicUpload(value: FileUpload, filename: string | undefined): FileUpload {
  if (value instanceof Blob || value instanceof ReadableStream || filename === undefined) return value;
  const type = guessMimeType(filename);
  if (type === undefined) return value;
  // A copy: the view may sit on a SharedArrayBuffer, which a Blob does not take.
  const bytes = value instanceof ArrayBuffer ? new Uint8Array(value).slice() : new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  return new Blob([bytes], { type });
}
