/**
 * What one request conversion learned besides the body: warnings for `callInfo().warnings`, and
 * the document names already used (Bedrock rejects two documents with the same name).
 */
export interface ConversionNotes {
  readonly warnings: string[];
  readonly documentNames: Set<string>;
}

export function createConversionNotes(): ConversionNotes {
  return { warnings: [], documentNames: new Set() };
}
