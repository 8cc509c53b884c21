import type { EmbeddingInput } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';

/** The texts of an embedding request. Google's embedding APIs take text only, not token ids. */
export function parseEmbeddingTexts(input: EmbeddingInput, provider: string): string[] {
  const texts = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(texts) || texts.length === 0) {
    throw new BadRequestError(`${provider}: input must be a string or a non-empty array of strings`, { provider });
  }
  texts.forEach((text: unknown, index) => {
    if (typeof text !== 'string') {
      throw new BadRequestError(`${provider}: input[${index}] is not a string; Google's embedding models take text, not token ids`, { provider });
    }
  });
  return texts as string[];
}
