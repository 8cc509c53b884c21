import type { OcrRequest } from '../../../../generated/types/index.js';
import { validateOcrResponse } from '../../../../generated/validators/ocr-response.js';
import { convertOcrDocument } from './convert-ocr-document.js';
import { createJsonShape } from './create-json-shape.js';

/**
 * `ocr`: `POST /ocr` in Mistral OCR's shape. A provider gets the document in Mistral's wire shape;
 * a gateway gets it as given.
 */
export const ocrShape = createJsonShape<OcrRequest>({
  endpoint: 'ocr',
  openAiPath: '/ocr',
  validate: validateOcrResponse,
  what: 'OCR',
  convertBody: (body, request, route) =>
    route.provider.gateway ? body : { ...body, document: convertOcrDocument(request.document) },
});
