import { encodeBase64 } from './encode-base64.js';

export interface DataUrl {
  /** Lower-cased media type, e.g. `image/png`; `text/plain` when the URL names none (RFC 2397). */
  readonly mediaType: string;
  /** The payload after the comma: base64 text when `base64` is true, else percent-encoded text. */
  readonly data: string;
  readonly base64: boolean;
}

const DATA_URL = /^data:([^,]*?),(.*)$/s;

/** A `data:` URL split into its parts, or undefined when the string is not one. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = DATA_URL.exec(url);
  if (match === null) return undefined;
  const parameters = (match[1] ?? '').split(';').map((part) => part.trim());
  const base64 = parameters.some((part) => part.toLowerCase() === 'base64');
  const mediaType = (parameters[0] ?? '').toLowerCase();
  return {
    mediaType: mediaType === '' || mediaType === 'base64' ? 'text/plain' : mediaType,
    data: match[2] ?? '',
    base64,
  };
}

/** The payload as base64 whichever way the URL encoded it (percent-encoded text is encoded). */
export function dataUrlToBase64(dataUrl: DataUrl): string {
  return dataUrl.base64 ? dataUrl.data.replace(/\s+/g, '') : encodeBase64(new TextEncoder().encode(decodeURIComponent(dataUrl.data)));
}
