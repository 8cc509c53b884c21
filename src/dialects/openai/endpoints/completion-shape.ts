import type { TextCompletionRequest, TextCompletionResponse } from '../../../../generated/types/index.js';
import { validateTextCompletionResponse } from '../../../../generated/validators/text-completion-response.js';
import type { WireShape } from '../../wire-shape.js';
import { createJsonShape } from './create-json-shape.js';

const shape = createJsonShape<TextCompletionRequest>({
  endpoint: 'completions',
  openAiPath: '/completions',
  validate: validateTextCompletionResponse,
  what: 'text completion',
  // The legacy endpoint streams only when asked; `completion` returns one response.
  convertBody: ({ stream: _stream, stream_options: _options, ...body }) => body,
});

/** `completion`: the legacy text completion endpoint, `POST /completions`. */
export const completionShape: WireShape<TextCompletionRequest> = {
  buildRequest: (request, route) => shape.buildRequest(request, route),
  readResponse(sent, context, startedAt) {
    const response = shape.readResponse(sent, context, startedAt) as TextCompletionResponse;
    if (response.usage) {
      const prompt = response.usage.prompt_tokens ?? 0;
      const completion = response.usage.completion_tokens ?? 0;
      context.info.usage = {
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: response.usage.total_tokens ?? prompt + completion,
      };
    }
    return response;
  },
};
