/** Base64 of raw bytes, with web-standard APIs only (`btoa`), in slices to bound the argument list. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += slice) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + slice));
  }
  return btoa(binary);
}
