import { describe, expect, it } from 'vitest';
import { parseDataUrl } from '../../../src/dialects/shared/parse-data-url.js';

describe('parseDataUrl', () => {
  it('splits a base64 data URL', () => {
    expect(parseDataUrl('data:image/PNG;base64,iVBORw0KGgo=')).toEqual({ mediaType: 'image/png', data: 'iVBORw0KGgo=', base64: true });
  });

  it('reads parameters and the RFC 2397 default media type', () => {
    expect(parseDataUrl('data:text/plain;charset=utf-8;base64,SGk=')).toEqual({ mediaType: 'text/plain', data: 'SGk=', base64: true });
    expect(parseDataUrl('data:,Hello%20there')).toEqual({ mediaType: 'text/plain', data: 'Hello%20there', base64: false });
  });

  it('is undefined for other URLs', () => {
    expect(parseDataUrl('https://example.com/a.png')).toBeUndefined();
    expect(parseDataUrl('data:image/png;base64')).toBeUndefined();
  });
});
