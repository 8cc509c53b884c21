import { describe, expect, it } from 'vitest';
import { RateLimitedError, StreamError, type ChatCompletionChunk, type ChunkDelta } from '../../../src/index.js';
import { createAnthropicStreamConverter } from '../../../src/dialects/anthropic/create-anthropic-stream-converter.js';
import { convertChunksToAnthropicEvents, type AnthropicStreamEvent } from '../../../gateway/anthropic/convert-chunks-to-anthropic-events.js';
import { createAnthropicTestRoute } from '../../dialects/anthropic/anthropic-test-route.js';

function chunk(delta: ChunkDelta, extra: { finish?: string; native?: string; usage?: ChatCompletionChunk['usage'] } = {}): ChatCompletionChunk {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'upstream-model',
    choices: [
      {
        index: 0,
        delta,
        finish_reason: extra.finish ?? null,
        ...(extra.native === undefined ? {} : { native_finish_reason: extra.native }),
      },
    ],
    ...(extra.usage === undefined ? {} : { usage: extra.usage }),
  };
}

async function* from(chunks: readonly ChatCompletionChunk[]): AsyncGenerator<ChatCompletionChunk> {
  for (const item of chunks) yield item;
}

async function collect(chunks: AsyncIterable<ChatCompletionChunk>, model = 'fast'): Promise<AnthropicStreamEvent[]> {
  const events: AnthropicStreamEvent[] = [];
  for await (const event of convertChunksToAnthropicEvents(chunks, model)) events.push(event);
  return events;
}

const ZERO_USAGE = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

describe('convertChunksToAnthropicEvents', () => {
  it('streams a text answer as Anthropic does, usage from the final usage chunk', async () => {
    const events = await collect(
      from([
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'Hel' }),
        chunk({ content: 'lo' }),
        chunk({}, { finish: 'stop' }),
        { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } },
      ]),
    );
    expect(events).toEqual([
      {
        event: 'message_start',
        data: {
          type: 'message_start',
          message: {
            id: 'msg_chatcmpl-1',
            type: 'message',
            role: 'assistant',
            model: 'fast',
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: ZERO_USAGE,
          },
        },
      },
      { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } },
      { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } } },
      { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } } },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
      {
        event: 'message_delta',
        data: {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn', stop_sequence: null },
          usage: { input_tokens: 9, output_tokens: 2, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
        },
      },
      { event: 'message_stop', data: { type: 'message_stop' } },
    ]);
    for (const event of events) expect(event.data.type).toBe(event.event);
  });

  it('opens thinking, text and one tool_use block per tool call index in order, each closing the one before', async () => {
    const events = await collect(
      from([
        chunk({ reasoning_content: 'Think' }),
        chunk({ reasoning_content: 'ing' }),
        chunk({ content: 'Calling.' }),
        chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
        chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{}' } }] }),
        chunk({}, { finish: 'tool_calls', usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } }),
      ]),
    );
    expect(events.slice(1).map((event) => event.data)).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Think' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'ing' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Calling.' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'call_a', name: 'get_weather', input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } },
      { type: 'content_block_stop', index: 2 },
      { type: 'content_block_start', index: 3, content_block: { type: 'tool_use', id: 'call_b', name: 'get_time', input: {} } },
      { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{}' } },
      { type: 'content_block_stop', index: 3 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: null },
        usage: { input_tokens: 5, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      },
      { type: 'message_stop' },
    ]);
  });

  it('streams a refusal as text with stop reason refusal, and a length stop as max_tokens', async () => {
    const refused = await collect(from([chunk({ refusal: 'No.' }), chunk({}, { finish: 'stop' })]));
    expect(refused[2]?.data).toEqual({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'No.' } });
    expect(refused.at(-2)?.data.delta).toEqual({ stop_reason: 'refusal', stop_sequence: null });
    const cut = await collect(from([chunk({ content: 'a' }), chunk({}, { finish: 'length' })]));
    expect(cut.at(-2)?.data.delta).toEqual({ stop_reason: 'max_tokens', stop_sequence: null });
  });

  it('still starts and ends the message when the stream has no content at all', async () => {
    const events = await collect(from([]));
    expect(events.map((event) => event.event)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect((events[0]?.data.message as { id: string }).id).toMatch(/^msg_/);
  });

  it('lets an error before the first chunk reach the caller before any event', async () => {
    const failing = (async function* (): AsyncGenerator<ChatCompletionChunk> {
      throw new RateLimitedError('slow down', { status: 429 });
    })();
    const events: AnthropicStreamEvent[] = [];
    await expect(
      (async () => {
        for await (const event of convertChunksToAnthropicEvents(failing, 'fast')) events.push(event);
      })(),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(events).toEqual([]);
  });

  it('lets an error after the start reach the caller after the events so far, never ending as if complete', async () => {
    const failing = (async function* (): AsyncGenerator<ChatCompletionChunk> {
      yield chunk({ content: 'partial' });
      throw new StreamError('the stream broke');
    })();
    const events: AnthropicStreamEvent[] = [];
    await expect(
      (async () => {
        for await (const event of convertChunksToAnthropicEvents(failing, 'fast')) events.push(event);
      })(),
    ).rejects.toThrow('the stream broke');
    expect(events.map((event) => event.event)).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
  });

  it('returns the source when the caller stops early, which cancels the upstream call', async () => {
    let returned = false;
    const source = (async function* (): AsyncGenerator<ChatCompletionChunk> {
      try {
        yield chunk({ content: 'a' });
        yield chunk({ content: 'b' });
        yield chunk({}, { finish: 'stop' });
      } finally {
        returned = true;
      }
    })();
    for await (const event of convertChunksToAnthropicEvents(source, 'fast')) if (event.event === 'content_block_delta') break;
    expect(returned).toBe(true);
  });

  it('refuses tool arguments for a tool block that was already closed', async () => {
    const chunks = from([
      chunk({ tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: '{' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'b', function: { name: 'g', arguments: '{}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '}' } }] }),
    ]);
    await expect(collect(chunks)).rejects.toThrow('the upstream stream sent more arguments for tool call 0 after a later block began');
  });

  it('gives back an Anthropic upstream stream through the SDK dialect and back, apart from what the SDK chunks do not carry', async () => {
    const wire: Array<Record<string, unknown>> = [
      {
        type: 'message_start',
        message: {
          id: 'msg_01',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 25, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
        },
      },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Weather.' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Checking' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"city": "Paris"}' } },
      { type: 'content_block_stop', index: 2 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: null },
        usage: { input_tokens: 25, output_tokens: 40, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      },
      { type: 'message_stop' },
    ];
    const convert = createAnthropicStreamConverter(createAnthropicTestRoute({ model: 'claude-sonnet-4-5' }));
    const chunks: ChatCompletionChunk[] = [];
    for (const event of wire) {
      const result = convert({ event: String(event.type), data: JSON.stringify(event), id: '' });
      if (result.type !== 'ignore') chunks.push(...(result.chunks ?? []));
    }
    const events = await collect(from(chunks), 'claude-sonnet-4-5');
    // The SDK reports the input tokens at the end only: message_start has zeros where Anthropic had 25 and 1.
    const expected = wire.map((event) =>
      event.type === 'message_start'
        ? { ...event, message: { ...(event.message as Record<string, unknown>), usage: ZERO_USAGE } }
        : event,
    );
    expect(events.map((event) => event.data)).toEqual(expected);
  });
});
