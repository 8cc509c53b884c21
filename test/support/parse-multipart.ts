import type { RecordedRequest } from './mock-server.js';

/** One part of a multipart/form-data body. */
export interface MultipartPart {
  readonly name: string;
  /** Set for file parts. */
  readonly filename: string | undefined;
  readonly text: string;
  readonly bytes: Uint8Array;
}

/**
 * Parses a recorded multipart/form-data body with the platform's own parser (independent of how
 * the client built it), in the order the parts were sent.
 */
export async function parseMultipart(request: RecordedRequest): Promise<MultipartPart[]> {
  const contentType = String(request.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data; boundary='))
    throw new Error(`not a multipart body: ${contentType}`);
  const form = await new Response(new Uint8Array(request.bodyBytes), { headers: { 'content-type': contentType } }).formData();
  const parts: MultipartPart[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      parts.push({ name, filename: undefined, text: value, bytes: new TextEncoder().encode(value) });
    } else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      parts.push({ name, filename: value.name, text: new TextDecoder().decode(bytes), bytes });
    }
  }
  return parts;
}

/** The text fields of a multipart body as `[name, value]` pairs, file parts left out. */
export function textFields(parts: readonly MultipartPart[]): Array<[string, string]> {
  return parts.filter((part) => part.filename === undefined).map((part) => [part.name, part.text]);
}
