import type { Context, Hono } from 'hono';
import { providerRegistry, type CallOptions, type ChatCompletionChunk, type createClient } from '../../src/index.js';
import { parseModelString } from '../../src/routing/parse-model-string.js';
import { convertAnthropicRequest } from '../anthropic/convert-anthropic-request.js';
import { convertChatResponseToAnthropic } from '../anthropic/convert-chat-response-to-anthropic.js';
import { convertChunksToAnthropicEvents } from '../anthropic/convert-chunks-to-anthropic-events.js';
import { isAnthropicUpstream } from '../anthropic/is-anthropic-upstream.js';
import { toAnthropicError, type AnthropicErrorResponse } from '../anthropic/to-anthropic-error.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { isModelPattern } from '../config/model-name-pattern.js';
import { GatewayHttpError } from './gateway-http-error.js';
import { sseResponse } from './sse-response.js';

type GatewayClient = ReturnType<typeof createClient>;

export interface AnthropicRoutesInput {
  readonly client: GatewayClient;
  readonly config: GatewayConfig;
  /** Parses the JSON body, checks its model against the config and the key, takes room in the key's limits. */
  readonly modelRequest: (c: Context) => Promise<Record<string, unknown>>;
  readonly callOptions: (c: Context) => CallOptions;
  /** Records a finished call (metrics, the key's limits and budget) from its result's call info, when it has any. */
  readonly finish: (c: Context, result: object) => void;
}

/**
 * `POST /v1/messages`: Anthropic's Messages API in front of any configured model. The request is
 * converted to the SDK's, routed like any other, and the answer (or its stream, with Anthropic's
 * event types) converted back. A model whose every deployment is an Anthropic-dialect provider
 * gets Anthropic's own details (cache control, thinking blocks) through unchanged.
 */
export function registerAnthropicRoutes<E extends object>(app: Hono<E>, input: AnthropicRoutesInput): void {
  const routes = app as unknown as Hono;
  const anthropicUpstream = createAnthropicUpstreamCheck(input.config);

  routes.post('/v1/messages', async (c) => {
    const body = await input.modelRequest(c);
    const model = body.model as string;
    const request = convertAnthropicRequest(body, { anthropicUpstream: anthropicUpstream(model) });
    const options = input.callOptions(c);
    if (request.stream !== true) {
      const response = await input.client.chat(request as never, options);
      input.finish(c, response);
      return c.json(convertChatResponseToAnthropic(response, model));
    }
    const stream = input.client.chatStream(request as never, options);
    const events = convertChunksToAnthropicEvents(stream as AsyncIterable<ChatCompletionChunk>, model)[Symbol.asyncIterator]();
    const format = (event: { event: string; data: unknown }): string => `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
    return sseResponse(events, {
      format,
      formatError: (error) => format({ event: 'error', data: toAnthropicError(error).body }),
      onEnd: () => input.finish(c, stream),
    });
  });
}

/** An error on `/v1/messages`, the gateway's own included, as Anthropic's error JSON. */
export function anthropicErrorAnswer(error: unknown): AnthropicErrorResponse {
  if (!(error instanceof GatewayHttpError)) return toAnthropicError(error);
  const type =
    error.status === 401
      ? 'authentication_error'
      : error.status === 403
        ? 'permission_error'
        : error.status === 404
          ? 'not_found_error'
          : error.status === 413
            ? 'request_too_large'
            : error.status === 429
              ? 'rate_limit_error'
              : error.status >= 500
                ? 'api_error'
                : 'invalid_request_error';
  return { status: error.status, body: { type: 'error', error: { type, message: error.message } }, headers: { ...error.headers } };
}

/** Whether every deployment a configured name (or a pattern's provider) reaches speaks Anthropic's dialect. */
function createAnthropicUpstreamCheck(config: GatewayConfig): (model: string) => boolean {
  const registry = providerRegistry as Record<string, Parameters<typeof isAnthropicUpstream>[0] | undefined>;
  const speaksAnthropic = (modelString: string): boolean => {
    const provider = parseModelString(modelString).prefix;
    const definition = provider === undefined ? undefined : registry[provider];
    return definition !== undefined && isAnthropicUpstream(definition);
  };
  return (model) => {
    const deployments = config.models.filter((entry) => !isModelPattern(entry.name) && entry.name === model);
    if (deployments.length > 0) return deployments.every((entry) => entry.model !== undefined && speaksAnthropic(entry.model));
    return speaksAnthropic(model);
  };
}
