import { describe, expect, it } from 'vitest';
import { anthropicDialect } from '../../../src/dialects/anthropic/anthropic-dialect.js';
import { convertAnthropicRequest } from '../../../gateway/anthropic/convert-anthropic-request.js';
import { createAnthropicTestRoute } from '../../dialects/anthropic/anthropic-test-route.js';

const route = createAnthropicTestRoute({ model: 'claude-sonnet-4-5' });

/** An Anthropic request through the gateway's converter and back through the SDK's own dialect. */
function roundTrip(body: Record<string, unknown>): { body: Record<string, unknown>; warnings: readonly string[] } {
  const request = convertAnthropicRequest(body, { anthropicUpstream: true });
  const wire = anthropicDialect.convertChatRequest({ ...request, model: `anthropic/${route.model}` }, route, body.stream === true);
  return { body: wire.body as Record<string, unknown>, warnings: wire.warnings };
}

const PNG = 'iVBORw0KGgo=';
const PDF = 'JVBERi0xLjQK';

describe('an Anthropic request through the gateway converter and the SDK Anthropic dialect', () => {
  it('comes back as the same wire request: system with cache_control, media, tools, tool results, thinking', () => {
    const original = {
      model: 'claude-sonnet-4-5',
      max_tokens: 8000,
      system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: PDF }, title: 'report.pdf' },
            { type: 'text', text: 'Describe, then check the weather.', cache_control: { type: 'ephemeral' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Need the weather tool.', signature: 'EqQBCkYIBx' },
            { type: 'text', text: 'Looking it up.' },
            { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_01', content: '18C' },
            { type: 'text', text: 'Thanks' },
          ],
        },
      ],
      tools: [
        {
          name: 'get_weather',
          description: 'Current weather',
          input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          cache_control: { type: 'ephemeral' },
        },
      ],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      thinking: { type: 'enabled', budget_tokens: 3000 },
      top_k: 20,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-7' },
      service_tier: 'auto',
      stream: true,
    };
    const { body, warnings } = roundTrip(original);
    expect(warnings).toEqual([]);
    expect(body).toEqual(original);
  });

  it('comes back with sampling parameters and a plain string conversation', () => {
    const original = {
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Bye' },
      ],
      temperature: 0.2,
      top_p: 0.8,
      tool_choice: { type: 'none' },
      tools: [{ name: 'noop', input_schema: { type: 'object', properties: {} } }],
    };
    expect(roundTrip(original).body).toEqual(original);
  });

  it('comes back with a forced tool, a redacted thinking block and an errored tool result marked in its text', () => {
    const original = {
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      messages: [
        { role: 'user', content: 'Run it' },
        {
          role: 'assistant',
          content: [
            { type: 'redacted_thinking', data: 'opaque' },
            { type: 'tool_use', id: 'toolu_02', name: 'run', input: {} },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_02', content: 'boom', is_error: true }] },
      ],
      tools: [{ name: 'run', input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: 'run' },
    };
    const { body } = roundTrip(original);
    // Anthropic's is_error has no OpenAI field; the SDK carries the result as text that says so.
    expect(body).toEqual({
      ...original,
      messages: [
        original.messages[0],
        original.messages[1],
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_02',
              content: [
                { type: 'text', text: 'Error:' },
                { type: 'text', text: 'boom' },
              ],
            },
          ],
        },
      ],
    });
  });
});
