// Mistral's registry quirks on the wire: a tool without `parameters` gets an empty object schema
// (Mistral requires one), and an OpenAI `file` part becomes Mistral's `document_url` part.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BadRequestError, createClient } from '../../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer(sendJson(200, chatResponse('ok')));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () => createClient({ providers: { mistral: { baseURL: server.url, apiKey: 'k' } }, maxRetries: 0 });
const lastBody = () => server.requests.at(-1)?.body as Record<string, any>;
const PDF = 'data:application/pdf;base64,JVBERi0xLjQK';

describe('mistral: tools', () => {
  it('sends an empty object schema for a tool without parameters and keeps given ones', async () => {
    const given = { type: 'object', properties: { q: { type: 'string' } } };
    await client().chat({
      model: 'mistral/mistral-small-latest',
      messages: [{ role: 'user', content: 'hi' }],
      tools: [
        { type: 'function', function: { name: 'now' } },
        { type: 'function', function: { name: 'find', parameters: given } },
      ],
    });
    expect(lastBody().tools).toEqual([
      { type: 'function', function: { name: 'now', parameters: { type: 'object', properties: {} } } },
      { type: 'function', function: { name: 'find', parameters: given } },
    ]);
  });
});

describe('mistral: file parts', () => {
  it('sends an inline file as a document_url part holding the data URL', async () => {
    await client().chat({
      model: 'mistral/mistral-small-latest',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise' },
            { type: 'file', file: { file_data: PDF, filename: 'a.pdf' } },
          ],
        },
      ],
    });
    expect(lastBody().messages[0].content).toEqual([
      { type: 'text', text: 'Summarise' },
      { type: 'document_url', document_url: PDF, document_name: 'a.pdf' },
    ]);
  });

  it.each([
    ['a file_id', { file_id: 'file-abc' }, /messages\[0\]\.content\[0\]\.file: mistral cannot read an OpenAI file_id/],
    ['file_data that is not a data URL', { file_data: 'JVBERi0xLjQK' }, /messages\[0\]\.content\[0\]\.file: mistral needs file_data as a data URL/],
  ])('refuses %s with a BadRequestError before sending', async (_name, file, message) => {
    const call = client().chat({ model: 'mistral/mistral-small-latest', messages: [{ role: 'user', content: [{ type: 'file', file }] }] });
    await expect(call).rejects.toBeInstanceOf(BadRequestError);
    await expect(call).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });
});
