import { describe, expect, it } from 'vitest';
import { convertOcrDocument } from '../../../../src/dialects/openai/endpoints/convert-ocr-document.js';

describe('convertOcrDocument', () => {
  it('keeps Mistral shapes and takes url as the document or image URL', () => {
    expect(convertOcrDocument({ type: 'document_url', document_url: 'https://x/a.pdf', document_name: 'a' })).toEqual({
      type: 'document_url',
      document_url: 'https://x/a.pdf',
      document_name: 'a',
    });
    expect(convertOcrDocument({ type: 'document_url', url: 'https://x/b.pdf' })).toEqual({
      type: 'document_url',
      document_url: 'https://x/b.pdf',
    });
    expect(convertOcrDocument({ type: 'image_url', url: 'https://x/c.png' })).toEqual({
      type: 'image_url',
      image_url: 'https://x/c.png',
    });
  });

  it('turns base64 data into a data: URL, as an image for image types', () => {
    expect(convertOcrDocument({ type: 'base64', data: 'JVBERi0=', media_type: 'application/pdf' })).toEqual({
      type: 'document_url',
      document_url: 'data:application/pdf;base64,JVBERi0=',
    });
    expect(convertOcrDocument({ type: 'base64', data: 'iVBO', media_type: 'image/png' })).toEqual({
      type: 'image_url',
      image_url: 'data:image/png;base64,iVBO',
    });
  });
});
