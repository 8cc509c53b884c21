/** Ollama `/api/chat` answers as its API documents them (https://github.com/ollama/ollama/blob/main/docs/api.md). */

const created = '2025-06-01T12:00:00.000000Z';

export const chatAnswer = {
  model: 'llama3.2',
  created_at: created,
  message: { role: 'assistant', content: 'Paris.' },
  done: true,
  done_reason: 'stop',
  total_duration: 5_000_000,
  prompt_eval_count: 20,
  eval_count: 2,
};

export const toolCallAnswer = {
  model: 'llama3.2',
  created_at: created,
  message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }] },
  done: true,
  done_reason: 'stop',
  prompt_eval_count: 30,
  eval_count: 10,
};

const line = (content: string) => ({ model: 'llama3.2', created_at: created, message: { role: 'assistant', content }, done: false });

export const textStreamLines = [
  line('Par'),
  line('is.'),
  { model: 'llama3.2', created_at: created, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 20, eval_count: 2 },
];

export const toolCallStreamLines = [
  {
    model: 'llama3.2',
    created_at: created,
    message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }] },
    done: false,
  },
  { model: 'llama3.2', created_at: created, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 30, eval_count: 10 },
];

/** Newline-delimited JSON, as Ollama streams. */
export const ndjson = (lines: readonly unknown[]): string => lines.map((item) => `${JSON.stringify(item)}\n`).join('');
