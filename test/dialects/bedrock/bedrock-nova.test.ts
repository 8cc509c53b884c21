// Amazon Nova on Bedrock through createClient: the Converse API in Nova's documented shapes, bare
// and cross-region ids routed to bedrock, and the OpenAI-compatible bedrock_mantle entry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { providerRegistry } from '../../../generated/registry.js';
import { callInfo, createClient, getModelInfo } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () =>
  createClient({
    maxRetries: 0,
    providers: {
      bedrock: { baseURL: server.url, apiKey: 'bedrock-api-key-0123' },
      bedrock_mantle: { baseURL: `${server.url}/mantle/v1`, apiKey: 'bedrock-api-key-0123' },
    },
  });

// Nova 2 Lite's reasoning comes back redacted (https://docs.aws.amazon.com/nova/latest/nova2-userguide/reasoning-capabilities.html).
const novaReply = {
  output: {
    message: {
      role: 'assistant',
      content: [{ reasoningContent: { reasoningText: { text: '[REDACTED]' } } }, { text: 'Paris.' }],
    },
  },
  stopReason: 'end_turn',
  usage: { inputTokens: 11, outputTokens: 40, totalTokens: 51 },
};

describe('Amazon Nova on Bedrock (Converse)', () => {
  it.each([
    ['amazon.nova-pro-v1:0', '/model/amazon.nova-pro-v1%3A0/converse'],
    ['us.amazon.nova-2-lite-v1:0', '/model/us.amazon.nova-2-lite-v1%3A0/converse'],
    ['global.amazon.nova-2-lite-v1:0', '/model/global.amazon.nova-2-lite-v1%3A0/converse'],
  ])('a bare %s routes to bedrock and goes to Converse', async (model, path) => {
    server.handle(sendJson(200, novaReply));
    const reply = await client().chat({ model, messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer bedrock-api-key-0123');
    expect(reply.choices[0]?.message).toMatchObject({ content: 'Paris.', reasoning_content: '[REDACTED]' });
    expect(callInfo(reply)).toMatchObject({ provider: 'bedrock', model });
  });

  it('sends Nova 2 its reasoningConfig, tools and images in Converse form', async () => {
    server.handle(sendJson(200, novaReply));
    await client().chat({
      model: 'bedrock/us.amazon.nova-2-lite-v1:0',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] },
      ],
      reasoning_effort: 'high',
      max_completion_tokens: 2000,
      tools: [{ type: 'function', function: { name: 'look_up', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
      tool_choice: 'required',
    });
    expect(server.requests[0]?.body).toEqual({
      system: [{ text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ text: 'What is this?' }, { image: { format: 'png', source: { bytes: 'iVBORw0KGgo=' } } }] }],
      inferenceConfig: { maxTokens: 2000 },
      toolConfig: {
        tools: [{ toolSpec: { name: 'look_up', inputSchema: { json: { type: 'object', properties: { q: { type: 'string' } } } } } }],
        toolChoice: { any: {} },
      },
      additionalModelRequestFields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'high' } },
    });
  });

  it('knows the catalogue facts of the Nova ids it lists', async () => {
    const models = providerRegistry.bedrock.models;
    expect(models).toEqual(expect.arrayContaining(['amazon.nova-pro-v1:0', 'amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0', 'amazon.nova-2-lite-v1:0', 'us.amazon.nova-2-lite-v1:0']));
    expect(await getModelInfo('bedrock/amazon.nova-pro-v1:0')).toMatchObject({ provider: 'bedrock', id: 'amazon.nova-pro-v1:0', contextWindow: 300000 });
  });
});

describe('bedrock_mantle (OpenAI-compatible)', () => {
  it('sends OpenAI chat completions with the Bedrock API key as a bearer token', async () => {
    server.handle(
      sendJson(200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1,
        model: 'openai.gpt-oss-120b',
        choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
      }),
    );
    const reply = await client().chat({ model: 'bedrock_mantle/openai.gpt-oss-120b', messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect(reply.choices[0]?.message.content).toBe('Paris.');
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/mantle/v1/chat/completions', body: { model: 'openai.gpt-oss-120b' } });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer bedrock-api-key-0123');
  });

  it('builds its host from AWS_REGION', () => {
    expect(providerRegistry.bedrock_mantle.baseURL).toBe('https://bedrock-mantle.{region}.api.aws/v1');
    expect(providerRegistry.bedrock_mantle.urlVariables).toEqual({ region: { envVar: 'AWS_REGION', default: 'us-east-1' } });
  });
});
