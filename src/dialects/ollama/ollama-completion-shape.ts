import type { TextCompletionRequest, TextCompletionResponse } from '../../../generated/types/index.js';
import { validateTextCompletionResponse } from '../../../generated/validators/text-completion-response.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { isRecord } from '../shared/is-record.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { convertOllamaUsage, createOllamaCompletionId, parseCreated } from './convert-ollama-chat-response.js';
import type { OllamaChatResponse } from './ollama-wire-types.js';

/** Parameters the legacy completion has and `/api/generate` has not; each is dropped with a warning. */
const DROPPED = ['best_of', 'echo', 'logprobs', 'logit_bias', 'user'] as const;

/**
 * `completion` on Ollama's `POST /api/generate`: one prompt (and `suffix`, for fill-in-the-middle),
 * sampling parameters in `options`, never streamed; the answer's `response` is the choice's text.
 * `extra_body` is merged last, its `options` into ours (`raw`, `system`, `keep_alive`, ... go there).
 */
export const ollamaCompletionShape: WireShape<TextCompletionRequest> = {
  buildRequest(request, route) {
    const provider = route.provider.id;
    const prompts = Array.isArray(request.prompt) ? request.prompt : [request.prompt];
    const [prompt] = prompts;
    if (prompts.length !== 1 || typeof prompt !== 'string') {
      throw new BadRequestError(`${provider}: prompt must be one string; Ollama completes one text prompt per request`, { provider });
    }
    if (request.n !== undefined && request.n !== 1) {
      throw new BadRequestError(`${provider}: n=${request.n} is not supported; Ollama generates one completion per request`, { provider });
    }
    const warnings = DROPPED.filter((name) => request[name] !== undefined).map((name) => `dropped "${name}": Ollama's generate API has no such parameter`);
    const stop = typeof request.stop === 'string' ? [request.stop] : request.stop;
    const options = Object.fromEntries(
      Object.entries({
        temperature: request.temperature,
        top_p: request.top_p,
        num_predict: request.max_tokens,
        stop,
        seed: request.seed,
        presence_penalty: request.presence_penalty,
        frequency_penalty: request.frequency_penalty,
      }).filter(([, value]) => value !== undefined),
    );
    const { options: extraOptions, ...extra } = isRecord(request.extra_body) ? request.extra_body : {};
    const mergedOptions = { ...options, ...(isRecord(extraOptions) ? extraOptions : {}) };
    const body: Record<string, unknown> = { model: route.model, prompt, stream: false };
    if (request.suffix !== undefined) body.suffix = request.suffix;
    if (Object.keys(mergedOptions).length > 0) body.options = mergedOptions;
    Object.assign(body, extra);
    return { endpoint: 'completions', method: 'POST', path: resolveEndpointPath(route, 'completions', '/api/generate'), body, warnings };
  },
  readResponse(sent, context) {
    const { route } = context;
    const answer = (isRecord(sent.body) ? sent.body : {}) as OllamaChatResponse & { response?: unknown };
    if (typeof answer.response !== 'string') {
      return parseEndpointBody<TextCompletionResponse>(sent.body, route, validateTextCompletionResponse, 'text completion');
    }
    const usage = convertOllamaUsage(answer);
    if (usage !== undefined) context.info.usage = usage;
    const response: TextCompletionResponse = {
      id: createOllamaCompletionId(),
      object: 'text_completion',
      created: parseCreated(answer.created_at),
      model: route.model,
      choices: [{ index: 0, text: answer.response, finish_reason: answer.done_reason === 'length' ? 'length' : 'stop', logprobs: null }],
      ...(usage === undefined ? {} : { usage }),
    };
    return parseEndpointBody<TextCompletionResponse>(response, route, validateTextCompletionResponse, 'text completion');
  },
};
