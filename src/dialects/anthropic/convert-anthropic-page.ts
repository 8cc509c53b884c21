import { isRecord } from '../shared/is-record.js';

/**
 * An Anthropic page (`{ data, has_more, first_id, last_id }`, files and message batches alike) as
 * OpenAI's list, each item converted. Anything else is returned as it came, for the validator.
 */
export function convertAnthropicPage(body: unknown, convertItem: (item: unknown) => unknown): unknown {
  if (!isRecord(body) || !Array.isArray(body.data)) return body;
  return {
    object: 'list',
    data: body.data.map(convertItem),
    has_more: body.has_more === true,
    first_id: typeof body.first_id === 'string' ? body.first_id : null,
    last_id: typeof body.last_id === 'string' ? body.last_id : null,
  };
}
