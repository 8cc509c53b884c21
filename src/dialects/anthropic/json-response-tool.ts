/**
 * The classic Messages API has no JSON mode, so `response_format` is emulated with a tool of this
 * name whose `input_schema` is the requested schema, forced with `tool_choice`; its input comes back
 * as the message content. The name is reserved: a caller tool with it is rejected when
 * `response_format` asks for JSON, and a `tool_use` block with it is always read as the answer.
 */
export const JSON_RESPONSE_TOOL_NAME = 'json_response';
