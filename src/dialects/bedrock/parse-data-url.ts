import { encodeBase64 } from './encode-base64.js';

export interface DataUrl {
  /** Lower-cased media type, e.g. `image/png`; `text/plain` when the URL names none (RFC 2397). */
  readonly mediaType: string;
  /** The payload as base64, whichever way the URL encoded it (Bedrock takes blobs as base64). */
  readonly base64: string;
}

const DATA_URL = /^data:([^,]*?),(.*)$/s;

/** A `data:` URL as a media type and base64 payload, or undefined when the string is not one. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = DATA_URL.exec(url);
  if (match === null) return undefined;
  const parameters = (match[1] ?? '').split(';').map((part) => part.trim().toLowerCase());
  const isBase64 = parameters.includes('base64');
  const mediaType = parameters[0] ?? '';
  const payload = match[2] ?? '';
  return {
    mediaType: mediaType === '' || mediaType === 'base64' ? 'text/plain' : mediaType,
    base64: isBase64 ? payload.replace(/\s+/g, '') : encodeBase64(new TextEncoder().encode(decodeURIComponent(payload))),
  };
}
