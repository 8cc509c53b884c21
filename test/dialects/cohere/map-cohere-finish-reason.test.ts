import { describe, expect, it } from 'vitest';
import { mapCohereFinishReason } from '../../../src/dialects/cohere/map-cohere-finish-reason.js';

describe('mapCohereFinishReason', () => {
  it.each([
    ['COMPLETE', 'stop'],
    ['STOP_SEQUENCE', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['TOOL_CALL', 'tool_calls'],
    ['ERROR_TOXIC', 'content_filter'],
    ['ERROR_LIMIT', 'length'],
    ['USER_CANCEL', 'stop'],
    ['ERROR', 'failed'],
    ['TIMEOUT', 'failed'],
    ['ERROR_SOMETHING_NEW', 'failed'],
    ['SOMETHING_NEW', 'stop'],
    [undefined, 'stop'],
  ])('%s -> %s', (raw, mapped) => {
    expect(mapCohereFinishReason(raw)).toBe(mapped);
  });
});
