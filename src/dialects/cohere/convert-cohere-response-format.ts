import type { ResponseFormat } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { CohereResponseFormat } from './cohere-wire-types.js';

/**
 * OpenAI's response_format as Cohere's. Structured output is native: Cohere constrains generation
 * to `json_schema` whenever one is given, so OpenAI's `strict` has nothing to switch and the
 * schema's `name` and `description` have no field to go to.
 */
export function convertCohereResponseFormat(format: ResponseFormat | undefined, providerId: string): CohereResponseFormat | undefined {
  if (format === undefined) return undefined;
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json_object':
      return { type: 'json_object' };
    case 'json_schema':
      return format.json_schema.schema === undefined
        ? { type: 'json_object' }
        : { type: 'json_object', json_schema: format.json_schema.schema };
    default: {
      const unknown: never = format;
      throw new BadRequestError(`${providerId}: response_format has an unknown type ${JSON.stringify((unknown as { type?: unknown }).type)}`, {
        provider: providerId,
      });
    }
  }
}
