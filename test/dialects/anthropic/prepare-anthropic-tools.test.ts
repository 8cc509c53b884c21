import { describe, expect, it } from 'vitest';
import type { Tool } from '../../../generated/types/index.js';
import { prepareAnthropicTools } from '../../../src/dialects/anthropic/prepare-anthropic-tools.js';

const weather: Tool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather in a given location',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' } },
      required: ['location'],
    },
  },
};

describe('prepareAnthropicTools', () => {
  it('converts a function tool into the documented Anthropic tool', () => {
    expect(prepareAnthropicTools({ tools: [weather], thinking: false })).toEqual({
      tools: [
        {
          name: 'get_weather',
          description: 'Get the current weather in a given location',
          input_schema: {
            type: 'object',
            properties: { location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' } },
            required: ['location'],
          },
        },
      ],
      toolChoice: undefined,
      warnings: [],
    });
  });

  it('gives a parameterless function an empty object schema', () => {
    const result = prepareAnthropicTools({ tools: [{ type: 'function', function: { name: 'now' } }], thinking: false });
    expect(result.tools).toEqual([{ name: 'now', input_schema: { type: 'object', properties: {} } }]);
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['required', { type: 'any' }],
    ['none', { type: 'none' }],
    [{ type: 'function', function: { name: 'get_weather' } }, { type: 'tool', name: 'get_weather' }],
  ] as const)('maps tool_choice %j', (toolChoice, expected) => {
    expect(prepareAnthropicTools({ tools: [weather], toolChoice, thinking: false }).toolChoice).toEqual(expected);
  });

  it('maps parallel_tool_calls: false to disable_parallel_tool_use on the choice', () => {
    expect(prepareAnthropicTools({ tools: [weather], parallelToolCalls: false, thinking: false }).toolChoice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(prepareAnthropicTools({ tools: [weather], toolChoice: 'required', parallelToolCalls: false, thinking: false }).toolChoice).toEqual({
      type: 'any',
      disable_parallel_tool_use: true,
    });
    expect(prepareAnthropicTools({ tools: [weather], toolChoice: 'none', parallelToolCalls: false, thinking: false }).toolChoice).toEqual({ type: 'none' });
  });

  it('drops a tool_choice without tools, and downgrades forced choices under thinking', () => {
    expect(prepareAnthropicTools({ toolChoice: 'auto', thinking: false })).toEqual({
      tools: undefined,
      toolChoice: undefined,
      warnings: ['dropped "tool_choice": no tools were given'],
    });
    expect(prepareAnthropicTools({ tools: [weather], toolChoice: 'required', thinking: true })).toMatchObject({
      toolChoice: { type: 'auto' },
      warnings: ['changed "tool_choice" to auto: extended thinking does not allow forcing tool use'],
    });
  });

  it('warns that strict schemas are not enforced', () => {
    const strict: Tool = { type: 'function', function: { ...weather.function, strict: true } };
    expect(prepareAnthropicTools({ tools: [strict], thinking: false }).warnings).toEqual([
      'tools[0].function.strict is not enforced: the Anthropic Messages API has no strict tool schemas',
    ]);
  });

  it('emulates json_object with an open object schema, forced', () => {
    const result = prepareAnthropicTools({ responseFormat: { type: 'json_object' }, thinking: false });
    expect(result.tools).toEqual([{ name: 'json_response', description: 'Respond with a JSON object.', input_schema: { type: 'object', additionalProperties: true } }]);
    expect(result.toolChoice).toEqual({ type: 'tool', name: 'json_response', disable_parallel_tool_use: true });
  });

  it('with tools of its own, lets the model call one of them or answer through json_response', () => {
    const result = prepareAnthropicTools({
      tools: [weather],
      toolChoice: 'auto',
      responseFormat: { type: 'json_schema', json_schema: { name: 'answer', description: 'The final answer', schema: { type: 'object' } } },
      thinking: false,
    });
    expect(result.tools?.map((tool) => tool.name)).toEqual(['get_weather', 'json_response']);
    expect(result.tools?.[1]?.description).toBe('Respond with a JSON object matching the "answer" schema: The final answer');
    expect(result.toolChoice).toEqual({ type: 'any' });
  });

  it('cannot force the JSON tool under thinking and says so', () => {
    const result = prepareAnthropicTools({ responseFormat: { type: 'json_schema', json_schema: { name: 'a', schema: { type: 'object' } } }, thinking: true });
    expect(result.toolChoice).toBeUndefined();
    expect(result.warnings).toEqual([
      'response_format is emulated with the "json_response" tool, which extended thinking does not allow forcing; the model may answer in plain text',
    ]);
  });

  it('reserves the json_response name when response_format asks for JSON', () => {
    const clash: Tool = { type: 'function', function: { name: 'json_response' } };
    expect(() => prepareAnthropicTools({ tools: [clash], responseFormat: { type: 'json_object' }, thinking: false })).toThrow(/reserved/);
    expect(prepareAnthropicTools({ tools: [clash], thinking: false }).tools).toHaveLength(1);
  });

  it('passes cache_control on a tool through', () => {
    const cached = { ...weather, cache_control: { type: 'ephemeral' } } as Tool;
    expect(prepareAnthropicTools({ tools: [cached], thinking: false }).tools?.[0]).toMatchObject({ cache_control: { type: 'ephemeral' } });
  });
});
