/** Bytes or a blob as a `Blob`, which fetch can send again on retry. */
export function convertUploadToBlob(value: Blob | ArrayBuffer | ArrayBufferView, type?: string): Blob {
  if (value instanceof Blob) return type === undefined || value.type !== '' ? value : new Blob([value], { type });
  const options = type === undefined ? undefined : { type };
  if (value instanceof ArrayBuffer) return new Blob([value], options);
  // A copy: the view may sit on a SharedArrayBuffer, which a Blob does not take.
  return new Blob([new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice()], options);
}
