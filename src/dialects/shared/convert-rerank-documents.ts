import type { RerankRequest } from '../../../generated/types/index.js';

/**
 * Documents as plain texts, for APIs that take only strings (Cohere v2, Voyage): a `{ text }`
 * object gives its text, any other object its JSON (Cohere recommends serialising structured
 * documents). Returns a warning when objects were serialised.
 */
export function convertRerankDocuments(documents: RerankRequest['documents']): { texts: string[]; warnings: string[] } {
  let serialised = 0;
  const texts = documents.map((document) => {
    if (typeof document === 'string') return document;
    if (typeof document.text === 'string') return document.text;
    serialised += 1;
    return JSON.stringify(document);
  });
  const warnings =
    serialised > 0
      ? [`serialised ${serialised} object document(s) as JSON text: the provider accepts only strings`]
      : [];
  return { texts, warnings };
}
