import type { OcrDocument } from '../../../../generated/types/index.js';

/**
 * A document in Mistral OCR's wire shape: `{ type: "document_url", document_url }` or
 * `{ type: "image_url", image_url }`. `url` is taken as the URL, and base64 data becomes a
 * `data:` URL (`image_url` for images, else `document_url`).
 */
export function convertOcrDocument(document: OcrDocument): Record<string, unknown> {
  switch (document.type) {
    case 'base64': {
      const dataUrl = `data:${document.media_type};base64,${document.data}`;
      return document.media_type.startsWith('image/')
        ? { type: 'image_url', image_url: dataUrl }
        : { type: 'document_url', document_url: dataUrl };
    }
    case 'document_url': {
      const { url, document_url: documentUrl, ...rest } = document;
      return { ...rest, type: 'document_url', document_url: documentUrl ?? url };
    }
    case 'image_url': {
      const { url, image_url: imageUrl, ...rest } = document;
      return { ...rest, type: 'image_url', image_url: imageUrl ?? url };
    }
    default: {
      const unknown: never = document;
      return unknown;
    }
  }
}
