/** RFC 9110 token characters: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Latin-1 without control characters other than tab: what fetch can put on the wire. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The name of the first header fetch would refuse (a bad name, a line break, a character past
 * Latin-1), or undefined. Checked before sending so a caller's mistake is a typed error, not a
 * `TypeError` from fetch that looks like a dropped connection and gets retried. Only the name is
 * reported: the value may be a credential.
 */
export function findUnsendableHeader(headers: Readonly<Record<string, unknown>>): string | undefined {
  for (const name in headers) {
    const value = headers[name];
    if (!HEADER_NAME.test(name) || (typeof value === 'string' && !HEADER_VALUE.test(value))) return name;
  }
  return undefined;
}
