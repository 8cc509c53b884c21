import { describe, expect, it } from 'vitest';
import { bedrockEndpointPath } from '../../../src/dialects/bedrock/bedrock-endpoint-path.js';
import { parseBedrockModelId } from '../../../src/dialects/bedrock/parse-bedrock-model-id.js';
import { dataUrlToBase64, parseDataUrl } from '../../../src/dialects/shared/parse-data-url.js';
import { prepareBedrockTools } from '../../../src/dialects/bedrock/prepare-bedrock-tools.js';
import { bedrockProvider } from '../../../generated/providers/bedrock.js';
import { bedrockRoute } from './bedrock-route.js';

describe('parseBedrockModelId', () => {
  it.each([
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic', 'claude-3-5-sonnet-20240620-v1:0'],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic', 'claude-sonnet-4-20250514-v1:0'],
    ['global.anthropic.claude-haiku-4-5-20251001-v1:0', 'anthropic', 'claude-haiku-4-5-20251001-v1:0'],
    ['apac.amazon.nova-2-lite-v1:0', 'amazon', 'nova-2-lite-v1:0'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.meta.llama3-2-3b-instruct-v1:0', 'meta', 'llama3-2-3b-instruct-v1:0'],
    ['arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123xyz', '', 'abc123xyz'],
  ])('%s', (model, vendor, name) => {
    expect(parseBedrockModelId(model)).toEqual({ vendor, name });
  });
});

describe('parseDataUrl', () => {
  it('returns base64 whatever the URL used', () => {
    const toBase64 = (url: string) => {
      const dataUrl = parseDataUrl(url);
      return dataUrl === undefined ? undefined : { mediaType: dataUrl.mediaType, base64: dataUrlToBase64(dataUrl) };
    };
    expect(toBase64('data:image/PNG;base64,iVBO Rw0K\n')).toEqual({ mediaType: 'image/png', base64: 'iVBORw0K' });
    expect(toBase64('data:text/plain,hello%20world')).toEqual({ mediaType: 'text/plain', base64: btoa('hello world') });
    expect(parseDataUrl(',x')).toBeUndefined();
  });
});

describe('bedrockEndpointPath', () => {
  it('derives the streaming path from the registry path, keeping any query', () => {
    expect(bedrockEndpointPath(bedrockRoute(), 'chat', true)).toBe('/model/{model}/converse-stream');
    const custom = { ...bedrockProvider, id: 'my_bedrock_proxy', endpoints: { chat: { path: '/bedrock/model/{model}/converse?trace=1' } } };
    expect(bedrockEndpointPath(bedrockRoute('x', custom), 'chat', true)).toBe('/bedrock/model/{model}/converse-stream?trace=1');
    expect(bedrockEndpointPath(bedrockRoute('x', custom), 'embeddings')).toBe('/model/{model}/invoke');
  });
});

describe('prepareBedrockTools', () => {
  it('offers the JSON answer tool without forcing it while thinking', () => {
    const prepared = prepareBedrockTools({
      tools: undefined,
      toolChoice: undefined,
      responseFormat: { type: 'json_object' },
      parallelToolCalls: undefined,
      hasToolHistory: false,
      thinking: true,
    });
    expect(prepared.toolConfig?.toolChoice).toEqual({ auto: {} });
    expect(prepared.warnings[0]).toContain('offered but not forced');
  });

  it('gives a parameterless function an empty object schema and reports strict', () => {
    const prepared = prepareBedrockTools({
      tools: [{ type: 'function', function: { name: 'now', strict: true } }],
      toolChoice: 'auto',
      responseFormat: { type: 'text' },
      parallelToolCalls: undefined,
      hasToolHistory: false,
      thinking: false,
    });
    expect(prepared.toolConfig).toEqual({ tools: [{ toolSpec: { name: 'now', inputSchema: { json: { type: 'object', properties: {} } } } }], toolChoice: { auto: {} } });
    expect(prepared.warnings).toEqual(['tools[0].function.strict is not supported by Bedrock and was ignored']);
  });
});
