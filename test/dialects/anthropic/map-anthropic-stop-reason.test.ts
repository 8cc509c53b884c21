import { describe, expect, it } from 'vitest';
import { mapAnthropicStopReason } from '../../../src/dialects/anthropic/map-anthropic-stop-reason.js';

describe('mapAnthropicStopReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['pause_turn', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['something_new', 'stop'],
  ])('%s -> %s', (stopReason, finishReason) => {
    expect(mapAnthropicStopReason(stopReason)).toBe(finishReason);
  });

  it('has no finish reason before the stop reason is known', () => {
    expect(mapAnthropicStopReason(null)).toBeNull();
    expect(mapAnthropicStopReason(undefined)).toBeNull();
  });
});
