/**
 * Converse has no JSON mode, so `response_format` is emulated with a tool of this name that the
 * model is made to call: its input is the JSON answer. Responses and streams turn a call of this
 * tool back into message content, so the name is reserved (a user tool of this name is rejected).
 */
export const RESPONSE_FORMAT_TOOL_NAME = 'respond_in_json';
