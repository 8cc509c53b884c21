import type { MultipartFile } from '../dialects/dialect.js';
import { convertUploadToBlob } from './convert-upload-to-blob.js';

export interface MultipartBody {
  /** A `FormData` (replayable) for bytes and blobs; a byte stream (sent once) for a stream. */
  readonly body: FormData | ReadableStream<Uint8Array>;
  /** Set for a streamed body (with its boundary); a `FormData` gets its own from fetch. */
  readonly contentType: string | undefined;
}

const encoder = new TextEncoder();

/**
 * A multipart/form-data body: text fields, then the `file` part. Bytes and blobs go in a
 * `FormData`, which fetch can send again on retry. A `ReadableStream` is framed by hand and
 * streamed as it is read, never buffered whole; such a body can be sent only once.
 */
export function createMultipartBody(
  fields: readonly (readonly [string, string])[],
  file: MultipartFile,
): MultipartBody {
  const value = file.value;
  const filename = file.filename ?? (isFile(value) ? value.name : undefined) ?? 'file';
  if (value instanceof ReadableStream) return createStreamedBody(fields, filename, value);
  const form = new FormData();
  for (const [name, text] of fields) form.append(name, text);
  form.append('file', convertUploadToBlob(value), filename);
  return { body: form, contentType: undefined };
}

function isFile(value: unknown): value is { readonly name: string } {
  const name: unknown = value instanceof Blob ? (value as Blob & { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '';
}

function createStreamedBody(
  fields: readonly (readonly [string, string])[],
  filename: string,
  stream: ReadableStream<Uint8Array>,
): MultipartBody {
  const boundary = `----liter-llm-${randomHex(16)}`;
  let head = '';
  for (const [name, text] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${text}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escapeQuoted(filename)}"\r\n`;
  head += 'Content-Type: application/octet-stream\r\n\r\n';
  const tail = `\r\n--${boundary}--\r\n`;
  const reader = stream.getReader();
  let phase: 'head' | 'file' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (phase === 'head') {
        phase = 'file';
        controller.enqueue(encoder.encode(head));
        return;
      }
      if (phase === 'file') {
        const { done, value } = await reader.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        phase = 'done';
        controller.enqueue(encoder.encode(tail));
        controller.close();
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Field names and file names as the HTML standard escapes them in a multipart header. */
function escapeQuoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}
