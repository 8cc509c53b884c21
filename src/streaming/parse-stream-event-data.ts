import { StreamError } from '../errors/error-classes.js';

/** The JSON of one stream event; a malformed event is a broken stream, reported with its start. */
export function parseStreamEventData(data: string, context: { readonly provider: string; readonly model?: string | undefined }): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new StreamError(`${context.provider}: stream event is not JSON: ${data.slice(0, 200)}`, {
      provider: context.provider,
      model: context.model,
    });
  }
}
