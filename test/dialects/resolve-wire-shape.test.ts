import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/call/operation.js';
import { defineProvider } from '../../src/define-provider.js';
import { OPERATION_TABLE } from '../../src/dialects/operation-table.js';
import { resolveWireShape } from '../../src/dialects/resolve-wire-shape.js';
import { EndpointNotSupportedError } from '../../src/errors/error-classes.js';
import { resolveProvider } from '../../src/routing/resolve-provider.js';
import { chatOnlyProvider } from '../support/custom-providers.js';

function provider(dialect: string, gateway: boolean) {
  const endpoints = Object.fromEntries(Object.values(OPERATION_TABLE).map(({ endpoint }) => [endpoint, { path: `/${endpoint}` }]));
  const definition = defineProvider({ ...chatOnlyProvider('http://127.0.0.1:9'), id: 'every', dialect, endpoints });
  return resolveProvider({ definition, override: undefined, apiKey: undefined, fallbackApiKey: undefined, clientHeaders: {}, env: {}, gateway });
}

const operations = Object.keys(OPERATION_TABLE) as Operation[];

describe('resolveWireShape', () => {
  it('gives a gateway, and an OpenAI- or Azure-dialect provider, a shape for every operation', async () => {
    for (const [dialect, gateway] of [['openai', true], ['openai', false], ['azure', false]] as const) {
      for (const operation of operations) {
        const { shape } = await resolveWireShape(operation, provider(dialect, gateway));
        expect(typeof shape.buildRequest, `${dialect} ${operation}`).toBe('function');
      }
    }
  });

  it('serves the chat shapes without a promise once the dialect is loaded', () => {
    const resolved = resolveWireShape('chat', provider('openai', false));
    expect(resolved).not.toBeInstanceOf(Promise);
  });

  it('refuses, naming the wire format, what a native format has no shape for', async () => {
    for (const dialect of ['cohere', 'voyage', 'jina', 'search']) {
      const error = await Promise.resolve()
        .then(() => resolveWireShape('imageGenerate', provider(dialect, false)))
        .then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(EndpointNotSupportedError);
      expect((error as Error).message).toMatch(
        new RegExp(`^every serves images in the "${dialect}" wire format, which this version of liter-llm does not implement for images yet`),
      );
    }
  });
});
