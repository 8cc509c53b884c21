import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';
import { parseMultipart } from '../../support/parse-multipart.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () =>
  createClient({ providers: { elevenlabs: { baseURL: `${server.url}/v1`, apiKey: 'key-eleven-0123456789' } }, maxRetries: 0 });

const audio = new Uint8Array([1, 2, 3, 4]);

describe('ElevenLabs speech-to-text (POST /v1/speech-to-text)', () => {
  it('uploads multipart with model_id and xi-api-key; words without spacing for verbose_json', async () => {
    server.handle(
      sendJson(200, {
        language_code: 'eng',
        language_probability: 0.98,
        text: 'Hi there',
        words: [
          { text: 'Hi', type: 'word', start: 0, end: 0.3, speaker_id: 'speaker_0' },
          { text: ' ', type: 'spacing', start: 0.3, end: 0.35 },
          { text: 'there', type: 'word', start: 0.35, end: 0.7, speaker_id: 'speaker_0' },
        ],
      }),
    );
    const result = await client().transcribe({
      model: 'elevenlabs/scribe_v1',
      file: audio,
      filename: 'a.mp3',
      language: 'en',
      response_format: 'verbose_json',
      extra_body: { diarize: true },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/speech-to-text' });
    expect(request?.headers['xi-api-key']).toBe('key-eleven-0123456789');
    const parts = await parseMultipart(request!);
    expect(parts.map((part) => [part.name, part.filename ?? part.text])).toEqual([
      ['model_id', 'scribe_v1'],
      ['language_code', 'en'],
      ['diarize', 'true'],
      ['file', 'a.mp3'],
    ]);
    expect([...(parts[3]?.bytes ?? [])]).toEqual([...audio]);
    expect(result).toEqual({
      text: 'Hi there',
      language: 'eng',
      words: [
        { word: 'Hi', start: 0, end: 0.3 },
        { word: 'there', start: 0.35, end: 0.7 },
      ],
    });
  });

  it('answers { text } for json and refuses vtt without sending', async () => {
    server.handle(sendJson(200, { text: 'Hi', language_code: 'eng', words: [] }));
    expect(await client().transcribe({ model: 'elevenlabs/scribe_v1', file: audio })).toEqual({ text: 'Hi' });
    await expect(client().transcribe({ model: 'elevenlabs/scribe_v1', file: audio, response_format: 'vtt' })).rejects.toMatchObject({
      name: 'BadRequestError',
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('ElevenLabs text-to-speech (POST /v1/text-to-speech/{voice_id})', () => {
  it('puts the voice in the path, output_format in the query, speed in voice_settings', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.end(Buffer.from([5, 6]));
    });
    const result = await client().speech({
      model: 'elevenlabs/eleven_multilingual_v2',
      input: 'Hello',
      voice: 'JBFqnCBsd6RMkjVDRZzb',
      speed: 1.1,
      instructions: 'cheerful',
      extra_body: { seed: 7 },
    });
    expect([...(await result.bytes())]).toEqual([5, 6]);
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb',
      body: { text: 'Hello', model_id: 'eleven_multilingual_v2', voice_settings: { speed: 1.1 }, seed: 7 },
    });
    expect(request?.query.get('output_format')).toBe('mp3_44100_128');
    expect(callInfo(result).warnings).toEqual(['dropped "instructions": ElevenLabs text-to-speech takes no instructions']);
  });

  it('takes extra_body.output_format and refuses a format it has not', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/basic' });
      response.end(Buffer.from([1]));
    });
    await (await client().speech({ model: 'elevenlabs/eleven_flash_v2_5', input: 'x', voice: { id: 'v1' }, extra_body: { output_format: 'ulaw_8000' } })).bytes();
    expect(server.requests[0]?.query.get('output_format')).toBe('ulaw_8000');
    expect(server.requests[0]?.body).toEqual({ text: 'x', model_id: 'eleven_flash_v2_5' });
    await expect(client().speech({ model: 'elevenlabs/eleven_v3', input: 'x', voice: 'v', response_format: 'flac' })).rejects.toMatchObject({
      name: 'BadRequestError',
      message: expect.stringMatching(/response_format/),
    });
  });
});

describe('ElevenLabs models (GET /v1/models)', () => {
  it('lists the bare array as OpenAI model objects', async () => {
    server.handle(sendJson(200, [{ model_id: 'eleven_v3', name: 'Eleven v3' }, { model_id: 'scribe_v1', name: 'Scribe' }]));
    const list = await client().listModels({ provider: 'elevenlabs' });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(list.data.map((model) => model.id)).toEqual(['eleven_v3', 'scribe_v1']);
  });
});
