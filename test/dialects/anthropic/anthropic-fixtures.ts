// Wire fixtures in the shapes Anthropic documents (https://docs.anthropic.com/en/api/messages,
// .../build-with-claude/streaming, .../extended-thinking, .../tool-use, .../prompt-caching,
// .../api/errors, .../api/models-list). Values follow the documented examples.

/** Messages API response: a plain text answer. */
export const textResponse = {
  content: [{ text: 'Hi! My name is Claude.', type: 'text' }],
  id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
  model: 'claude-sonnet-4-5-20250929',
  role: 'assistant',
  stop_reason: 'end_turn',
  stop_sequence: null,
  type: 'message',
  usage: { input_tokens: 2095, output_tokens: 503 },
};

/** Tool use guide: Claude announces the call in text, then a `tool_use` block. */
export const toolUseResponse = {
  id: 'msg_01Aq9w938a90dw8q',
  model: 'claude-sonnet-4-5-20250929',
  stop_reason: 'tool_use',
  role: 'assistant',
  type: 'message',
  content: [
    { type: 'text', text: "I'll check the current weather in San Francisco for you." },
    {
      type: 'tool_use',
      id: 'toolu_01A09q90qw90lq917835lq9',
      name: 'get_weather',
      input: { location: 'San Francisco, CA', unit: 'celsius' },
    },
  ],
  usage: { input_tokens: 384, output_tokens: 92 },
};

/** Extended thinking: a thinking block with its signature, a redacted one, then the answer. */
export const thinkingResponse = {
  id: 'msg_01ThinkingExample',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [
    {
      type: 'thinking',
      thinking: 'To approach this, let me think about what I know about prime numbers...',
      signature: 'EuYBCkQYAiJAgCs1le6/Pol5Z4/JMomVOouGrWdhYNsH3ukzUECbB6iWrSQtsQuRHJID6lWV...',
    },
    {
      type: 'redacted_thinking',
      data: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP...',
    },
    { type: 'text', text: 'Yes, there are infinitely many prime numbers such that...' },
  ],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 48, output_tokens: 310 },
};

/** Prompt caching guide: the first call writes the cache, later calls read it. */
export const cachedUsageResponse = {
  ...textResponse,
  usage: { input_tokens: 21, cache_creation_input_tokens: 188086, cache_read_input_tokens: 0, output_tokens: 393 },
};
export const cacheReadUsageResponse = {
  ...textResponse,
  usage: { input_tokens: 21, cache_creation_input_tokens: 0, cache_read_input_tokens: 188086, output_tokens: 393 },
};

/** The emulated structured output: the forced `json_response` tool. */
export const jsonToolResponse = {
  id: 'msg_01JsonResponse',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [{ type: 'tool_use', id: 'toolu_01JsonTool', name: 'json_response', input: { city: 'Paris', population: 2102650 } }],
  stop_reason: 'tool_use',
  stop_sequence: null,
  usage: { input_tokens: 410, output_tokens: 35 },
};

/** Streaming guide, basic request: message_start, a text block with a ping inside, message_delta, message_stop. */
export const textStreamEvents = [
  {
    type: 'message_start',
    message: {
      id: 'msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY',
      type: 'message',
      role: 'assistant',
      content: [],
      model: 'claude-sonnet-4-5-20250929',
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 25, output_tokens: 1 },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'ping' },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: '!' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 15 } },
  { type: 'message_stop' },
];

/** Streaming guide, tool use: a text block, then a tool_use block whose input arrives as JSON fragments. */
export const toolStreamEvents = [
  {
    type: 'message_start',
    message: {
      id: 'msg_014p7gG3wDgGV9EUtLvnow3U',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      stop_sequence: null,
      usage: { input_tokens: 472, output_tokens: 2 },
      content: [],
      stop_reason: null,
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'ping' },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Okay' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ',' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: " let's check the weather for San Francisco, CA:" } },
  { type: 'content_block_stop', index: 0 },
  {
    type: 'content_block_start',
    index: 1,
    content_block: { type: 'tool_use', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', input: {} },
  },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"location":' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: ' "San Fra' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: 'ncisc' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: 'o, CA"' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: ', ' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '"unit": "fah' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: 'renheit"}' } },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 89 } },
  { type: 'message_stop' },
];

/** Streaming guide, extended thinking: thinking deltas, a signature delta, then the answer. */
export const thinkingStreamEvents = [
  {
    type: 'message_start',
    message: {
      id: 'msg_01ThinkingStream',
      type: 'message',
      role: 'assistant',
      content: [],
      model: 'claude-sonnet-4-5-20250929',
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 39, output_tokens: 1 },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
  {
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'thinking_delta', thinking: 'Let me solve this step by step:\n\n1. First break down 27 * 453' },
  },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: '\n2. 453 = 400 + 50 + 3' } },
  {
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...' },
  },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: '27 * 453 = 12,231' } },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 123 } },
  { type: 'message_stop' },
];

/** Streaming guide, error events: `overloaded_error` mid-stream. */
export const overloadedErrorEvent = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };

/** Errors page: the common shape, with the request id Anthropic adds. */
export function errorBody(type: string, message: string): Record<string, unknown> {
  return { type: 'error', error: { type, message }, request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy' };
}

/** Models list page. */
export const modelsListResponse = {
  data: [
    { created_at: '2025-09-29T00:00:00Z', display_name: 'Claude Sonnet 4.5', id: 'claude-sonnet-4-5-20250929', type: 'model' },
    { created_at: '2025-02-19T00:00:00Z', display_name: 'Claude Sonnet 3.7', id: 'claude-3-7-sonnet-20250219', type: 'model' },
  ],
  first_id: 'claude-sonnet-4-5-20250929',
  has_more: false,
  last_id: 'claude-3-7-sonnet-20250219',
};
