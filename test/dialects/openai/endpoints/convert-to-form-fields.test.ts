import { describe, expect, it } from 'vitest';
import { convertToFormFields } from '../../../../src/dialects/openai/endpoints/convert-to-form-fields.js';

describe('convertToFormFields', () => {
  it('sends scalars as text, arrays as repeated name[], objects in bracket notation', () => {
    expect(
      convertToFormFields({
        model: 'whisper-1',
        temperature: 0.2,
        stream: false,
        timestamp_granularities: ['word', 'segment'],
        expires_after: { anchor: 'created_at', seconds: 3600 },
        chunking_strategy: { type: 'server_vad', options: { threshold: 0.5 } },
      }),
    ).toEqual([
      ['model', 'whisper-1'],
      ['temperature', '0.2'],
      ['stream', 'false'],
      ['timestamp_granularities[]', 'word'],
      ['timestamp_granularities[]', 'segment'],
      ['expires_after[anchor]', 'created_at'],
      ['expires_after[seconds]', '3600'],
      ['chunking_strategy[type]', 'server_vad'],
      ['chunking_strategy[options][threshold]', '0.5'],
    ]);
  });

  it('leaves out undefined and null, and JSON-encodes objects inside arrays', () => {
    expect(convertToFormFields({ language: undefined, prompt: null, include: [{ a: 1 }, 'logprobs'] })).toEqual([
      ['include[]', '{"a":1}'],
      ['include[]', 'logprobs'],
    ]);
  });
});
