import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import { createAzureStreamConverter } from '../../../src/dialects/azure/create-azure-stream-converter.js';
import type { StreamEventResult } from '../../../src/dialects/dialect.js';
import { announcement, azureRoute, errors, filterResults, promptFilterResults, textStreamPayloads } from './azure-fixtures.js';

const route = azureRoute();
const chunksOf = (result: StreamEventResult): readonly ChatCompletionChunk[] => (result.type === 'ignore' ? [] : (result.chunks ?? []));
const event = (payload: unknown) => ({ data: typeof payload === 'string' ? payload : JSON.stringify(payload) });

describe('createAzureStreamConverter', () => {
  it('moves the prompt-filter announcement onto the first real chunk instead of emitting it', () => {
    const convert = createAzureStreamConverter(route);
    expect(convert(event(announcement))).toEqual({ type: 'ignore' });
    const first = convert(event(textStreamPayloads[1]));
    expect(first.type).toBe('chunks');
    const chunk = chunksOf(first)[0] as ChatCompletionChunk & { prompt_filter_results?: unknown };
    expect(chunk.id).toBe('chatcmpl-8Ng3aXyLk');
    expect(chunk.prompt_filter_results).toEqual(promptFilterResults);
    const second = chunksOf(convert(event(textStreamPayloads[2])));
    expect(second[0]).not.toHaveProperty('prompt_filter_results');
    expect(second[0]).toMatchObject({ choices: [{ delta: { content: 'Par' }, content_filter_results: filterResults }] });
  });

  it('passes the usage chunk and [DONE] through as OpenAI does', () => {
    const convert = createAzureStreamConverter(route);
    expect(convert(event(textStreamPayloads[5]))).toMatchObject({ type: 'chunks', chunks: [{ choices: [], usage: { total_tokens: 22 } }] });
    expect(convert(event('[DONE]'))).toEqual({ type: 'done' });
  });

  it('passes a completion stopped by the content filter with finish_reason content_filter', () => {
    const convert = createAzureStreamConverter(route);
    const filtered = {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-4o',
      choices: [{ index: 0, delta: {}, finish_reason: 'content_filter', content_filter_results: { violence: { filtered: true, severity: 'medium' } } }],
    };
    expect(convert(event(filtered))).toMatchObject({ type: 'chunks', chunks: [{ choices: [{ finish_reason: 'content_filter' }] }] });
  });

  it('throws Azure-typed errors for error events', () => {
    const convert = createAzureStreamConverter(route);
    expect(() => convert(event(errors.promptFiltered))).toThrow(expect.objectContaining({ kind: 'ContentPolicy', status: 400 }));
    expect(() => convert(event(errors.rateLimited))).toThrow(expect.objectContaining({ kind: 'RateLimited', status: 429 }));
    expect(() => convert(event('{"choices":'))).toThrow(expect.objectContaining({ kind: 'Stream' }));
  });
});
