import type { TranscriptionRequest } from '../../generated/types/index.js';

/**
 * A file to upload: bytes (`Uint8Array`, `ArrayBuffer`), a `Blob` or `File`, or a
 * `ReadableStream` of bytes. Bytes and blobs can be re-sent, so such calls are retried like any
 * other; a stream is read once while it is sent, so a call with a stream is never retried.
 */
export type FileUpload = TranscriptionRequest['file'];
