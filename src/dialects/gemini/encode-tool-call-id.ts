// Gemini 2.5+ attaches a `thoughtSignature` to function-call parts and Gemini 3 rejects a
// conversation whose earlier function calls come back without it. OpenAI-shaped messages have no
// field for it, but every client echoes tool call ids verbatim, so the signature travels inside
// the id (base64url, so the id stays within the characters other providers accept).
const SEPARATOR = '__thought__';

/** A tool call id that carries the part's thought signature, when there is one. */
export function encodeToolCallId(id: string, thoughtSignature: string | undefined): string {
  if (thoughtSignature === undefined || thoughtSignature === '') return id;
  const base64url = thoughtSignature.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${id}${SEPARATOR}${base64url}`;
}

/** The thought signature (standard base64) carried by a tool call id, or undefined. */
export function decodeThoughtSignature(id: string): string | undefined {
  const at = id.indexOf(SEPARATOR);
  if (at === -1) return undefined;
  const base64url = id.slice(at + SEPARATOR.length);
  if (base64url === '') return undefined;
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}
