import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
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
  createClient({ providers: { deepgram: { baseURL: `${server.url}/v1`, apiKey: 'key-deepgram-0123456789' } }, maxRetries: 0 });

const audio = new Uint8Array([82, 73, 70, 70, 1, 2, 3]);

const LISTEN_REPLY = {
  metadata: { request_id: 'r-1', duration: 2.5, channels: 1 },
  results: {
    channels: [
      {
        detected_language: 'en',
        alternatives: [
          {
            transcript: 'hello world',
            confidence: 0.99,
            words: [
              { word: 'hello', punctuated_word: 'Hello', start: 0.1, end: 0.4, confidence: 0.99 },
              { word: 'world', punctuated_word: 'world.', start: 0.5, end: 0.9, confidence: 0.98 },
            ],
          },
        ],
      },
    ],
    utterances: [{ id: 'u-1', start: 0.1, end: 0.9, transcript: 'Hello world.', speaker: 0, channel: 0 }],
  },
};

describe('Deepgram speech-to-text (POST /v1/listen)', () => {
  it('sends the audio as the body with Token auth and options as query parameters', async () => {
    server.handle(sendJson(200, LISTEN_REPLY));
    const result = await client().transcribe({
      model: 'deepgram/nova-3',
      file: audio,
      filename: 'talk.wav',
      language: 'en',
      prompt: 'ignored',
      extra_body: { smart_format: true, diarize: true },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/listen' });
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ model: 'nova-3', language: 'en', smart_format: 'true', diarize: 'true' });
    expect(request?.headers.authorization).toBe('Token key-deepgram-0123456789');
    expect(request?.headers['content-type']).toBe('audio/wav');
    expect([...(request?.bodyBytes ?? [])]).toEqual([...audio]);
    expect(result).toEqual({ text: 'hello world' });
    expect(callInfo(result)).toMatchObject({
      provider: 'deepgram',
      warnings: ['dropped "prompt": Deepgram\'s /listen has no such option'],
    });
  });

  it('maps verbose_json: words, utterances as segments, language and duration', async () => {
    server.handle(sendJson(200, LISTEN_REPLY));
    const blob = new Blob([audio], { type: 'audio/ogg' });
    const result = await client().transcribe({ model: 'deepgram/nova-3', file: blob, response_format: 'verbose_json' });
    expect(server.requests[0]?.query.get('utterances')).toBe('true');
    expect(server.requests[0]?.headers['content-type']).toBe('audio/ogg');
    expect(result).toEqual({
      text: 'hello world',
      language: 'en',
      duration: 2.5,
      words: [
        { word: 'Hello', start: 0.1, end: 0.4 },
        { word: 'world.', start: 0.5, end: 0.9 },
      ],
      segments: [{ id: 0, start: 0.1, end: 0.9, text: 'Hello world.', speaker: '0' }],
    });
  });

  it('refuses subtitles and non-scalar query options by name, without sending', async () => {
    await expect(client().transcribe({ model: 'deepgram/nova-3', file: audio, response_format: 'srt' })).rejects.toMatchObject({
      name: 'BadRequestError',
      message: expect.stringMatching(/response_format.*"srt"/),
    });
    await expect(
      client().transcribe({ model: 'deepgram/nova-3', file: audio, extra_body: { keyterm: ['a', 'b'] } }),
    ).rejects.toMatchObject({ name: 'BadRequestError', message: expect.stringMatching(/extra_body\.keyterm/) });
    expect(server.requests).toHaveLength(0);
  });

  it('maps errors and a body that does not fit', async () => {
    server.handle(sendJson(401, { err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.' }));
    await expect(client().transcribe({ model: 'deepgram/nova-3', file: audio })).rejects.toMatchObject({
      name: 'AuthenticationError',
      provider: 'deepgram',
    });
    server.handle(sendJson(200, { results: {} }));
    await expect(client().transcribe({ model: 'deepgram/nova-3', file: audio })).rejects.toMatchObject({
      name: 'InvalidResponseError',
    });
  });
});

describe('Deepgram text-to-speech (POST /v1/speak)', () => {
  it('sends { text } with the voice model and encoding as query parameters; streams the audio', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/wav' });
      response.end(Buffer.from([9, 8, 7]));
    });
    const result = await client().speech({
      model: 'deepgram/aura-2-thalia-en',
      input: 'Hello!',
      voice: 'alloy',
      response_format: 'wav',
      extra_body: { sample_rate: 24000 },
    });
    expect([...(await result.bytes())]).toEqual([9, 8, 7]);
    expect(result.contentType).toBe('audio/wav');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/speak', body: { text: 'Hello!' } });
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      model: 'aura-2-thalia-en',
      encoding: 'linear16',
      container: 'wav',
      sample_rate: '24000',
    });
    expect(callInfo(result).warnings).toEqual(['dropped "voice": a Deepgram voice is its model id (here "aura-2-thalia-en")']);
  });
});
