/** A `data:<mime>;base64,<data>` URL split into its parts. */
export interface DataUrl {
  readonly mimeType: string;
  readonly data: string;
}

const DATA_URL = /^data:([^;,]+)((?:;[^;,=]+=[^;,]*)*);base64,(.*)$/s;

/** The MIME type and base64 payload of a base64 data URL, or undefined for anything else. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = DATA_URL.exec(url);
  if (match === null) return undefined;
  return { mimeType: (match[1] as string).toLowerCase(), data: match[3] as string };
}
