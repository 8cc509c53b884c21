import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BinaryResponse, callInfo, createClient, isLiterLlmError } from '../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { parseMultipart, textFields } from '../support/parse-multipart.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (options: { maxRetries?: number; timeoutMs?: number } = {}) =>
  createClient({
    providers: { openai: { baseURL: `${server.url}/v1`, apiKey: 'sk-openai-test-key' } },
    maxRetries: 0,
    ...options,
  });

function sendText(status: number, contentType: string, text: string) {
  return (_request: unknown, response: ServerResponse) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(text);
  };
}

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('speech', () => {
  it('posts the text and returns the audio bytes with their content type', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': '4' });
      response.end(Buffer.from([0xff, 0xfb, 0x90, 0x00]));
    });
    const audio = await client().speech({
      model: 'openai/tts-1',
      input: 'Hello',
      voice: 'nova',
      response_format: 'mp3',
      speed: 1.25,
    });
    expect(audio).toBeInstanceOf(BinaryResponse);
    expect(audio.contentType).toBe('audio/mpeg');
    expect(audio.contentLength).toBe(4);
    expect(await audio.bytes()).toEqual(new Uint8Array([0xff, 0xfb, 0x90, 0x00]));
    expect(audio.bodyUsed).toBe(true);
    await expect(audio.bytes()).rejects.toThrow(/read only once/);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/audio/speech' });
    expect(request?.headers.accept).toBe('*/*');
    expect(request?.body).toEqual({
      model: 'tts-1',
      input: 'Hello',
      voice: 'nova',
      response_format: 'mp3',
      speed: 1.25,
    });
    expect(callInfo(audio)).toMatchObject({ operation: 'speech', provider: 'openai', model: 'tts-1', attempts: 1 });
  });

  it('hands over the first bytes before the server has finished sending', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handle(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/ogg' });
      response.write(Buffer.from('first-'));
      await released;
      response.end(Buffer.from('rest'));
    });
    const audio = await client().speech({ model: 'openai/tts-1', input: 'Hi', voice: 'alloy' });
    const reader = audio.body.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first-');
    release();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toBe('rest');
  });

  it('cancelling the body cancels the request', async () => {
    let closed = false;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/wav' });
      response.write(Buffer.alloc(16));
      response.on('close', () => {
        closed = true;
      });
    });
    const audio = await client().speech({ model: 'openai/tts-1', input: 'Hi', voice: 'alloy' });
    for await (const chunk of audio) {
      expect(chunk.byteLength).toBe(16);
      break;
    }
    await expect.poll(() => closed).toBe(true);
  });

  it('errors the body with StreamError when the connection is cut, and TimeoutError when it goes silent', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': '100' });
      response.write(Buffer.alloc(10));
      setTimeout(() => response.destroy(), 20);
    });
    const cut = await client().speech({ model: 'openai/tts-1', input: 'Hi', voice: 'alloy' });
    const broken = await cut.bytes().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isLiterLlmError(broken)).toBe(true);
    expect(broken).toMatchObject({ name: 'StreamError', provider: 'openai' });
    expect(String((broken as Error).message)).toContain('after 10 bytes');

    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.write(Buffer.alloc(4));
    });
    const silent = await client({ timeoutMs: 300 }).speech({ model: 'openai/tts-1', input: 'Hi', voice: 'alloy' });
    await expect(silent.arrayBuffer()).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('maps an error status before any body is returned', async () => {
    server.handle(sendJson(401, { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } }));
    await expect(client().speech({ model: 'openai/tts-1', input: 'Hi', voice: 'alloy' })).rejects.toMatchObject({
      name: 'AuthenticationError',
      status: 401,
    });
  });
});

describe('transcribe', () => {
  it('uploads bytes as multipart with the fields and file name, and reads JSON', async () => {
    server.handle(sendJson(200, { text: 'Hallo Welt', usage: { type: 'duration', seconds: 2 } }));
    const result = await client().transcribe({
      model: 'openai/whisper-1',
      file: new Uint8Array([1, 2, 3, 250]),
      filename: 'clip.mp3',
      language: 'de',
      temperature: 0,
      timestamp_granularities: ['word', 'segment'],
      extra_body: { diarize: true },
    });
    expect(result.text).toBe('Hallo Welt');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/audio/transcriptions' });
    expect(request?.headers.authorization).toBe('Bearer sk-openai-test-key');
    const parts = await parseMultipart(request as NonNullable<typeof request>);
    expect(textFields(parts)).toEqual([
      ['model', 'whisper-1'],
      ['language', 'de'],
      ['temperature', '0'],
      ['timestamp_granularities[]', 'word'],
      ['timestamp_granularities[]', 'segment'],
      ['diarize', 'true'],
    ]);
    const file = parts.find((part) => part.name === 'file');
    expect(file?.filename).toBe('clip.mp3');
    expect(file?.bytes).toEqual(new Uint8Array([1, 2, 3, 250]));
    expect(callInfo(result)).toMatchObject({ operation: 'transcribe', model: 'whisper-1' });
  });

  it('uploads a File under its own name', async () => {
    server.handle(sendJson(200, { text: 'ok' }));
    await client().transcribe({
      model: 'openai/whisper-1',
      file: new File([new Uint8Array([7, 8])], 'voice-note.m4a'),
    });
    const parts = await parseMultipart(server.requests[0] as NonNullable<(typeof server.requests)[0]>);
    expect(parts.map((part) => [part.name, part.filename])).toEqual([
      ['model', undefined],
      ['file', 'voice-note.m4a'],
    ]);
    expect(parts[1]?.bytes).toEqual(new Uint8Array([7, 8]));
  });

  it('streams a ReadableStream upload, and never retries it', async () => {
    server.handle(sendJson(500, { error: { message: 'upstream broke' } }));
    const stream = streamOf(new TextEncoder().encode('chunk-one|'), new TextEncoder().encode('chunk-two'));
    const error = await client({ maxRetries: 2 })
      .transcribe({ model: 'openai/whisper-1', file: stream, filename: 'long.wav' })
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toMatchObject({ name: 'ServerError', status: 500 });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(String(request?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=----liter-llm-/);
    const parts = await parseMultipart(request as NonNullable<typeof request>);
    expect(parts.find((part) => part.name === 'file')).toMatchObject({
      filename: 'long.wav',
      text: 'chunk-one|chunk-two',
    });
  });

  it('retries a Blob upload, sending the same bytes again', async () => {
    let calls = 0;
    server.handle((request, response) => {
      calls += 1;
      if (calls === 1) sendJson(503, { error: { message: 'busy' } }, { 'retry-after-ms': '10' })(request, response);
      else sendJson(200, { text: 'second time' })(request, response);
    });
    const result = await client({ maxRetries: 2 }).transcribe({
      model: 'openai/whisper-1',
      file: new Blob(['audio-bytes']),
      filename: 'a.wav',
    });
    expect(result.text).toBe('second time');
    expect(callInfo(result).attempts).toBe(2);
    const uploads = await Promise.all(server.requests.map((request) => parseMultipart(request)));
    expect(uploads.map((parts) => parts.find((part) => part.name === 'file')?.text)).toEqual([
      'audio-bytes',
      'audio-bytes',
    ]);
  });

  it.each([
    ['text', 'text/plain; charset=utf-8', 'Hello there.'],
    ['srt', 'text/plain', '1\n00:00:00,000 --> 00:00:01,000\nHello\n'],
    ['vtt', 'text/vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n'],
  ] as const)('returns the %s format as { text }', async (format, contentType, body) => {
    server.handle(sendText(200, contentType, body));
    const result = await client().transcribe({
      model: 'openai/whisper-1',
      file: new Uint8Array([1]),
      response_format: format,
    });
    expect(result).toEqual({ text: body });
    expect(callInfo(result).operation).toBe('transcribe');
    const parts = await parseMultipart(server.requests[0] as NonNullable<(typeof server.requests)[0]>);
    expect(textFields(parts)).toContainEqual(['response_format', format]);
  });

  it('reads verbose_json segments and words', async () => {
    server.handle(
      sendJson(200, {
        text: 'Hi there',
        language: 'english',
        duration: 1.5,
        segments: [{ id: 0, seek: 0, start: 0, end: 1.5, text: 'Hi there' }],
        words: [
          { word: 'Hi', start: 0, end: 0.4 },
          { word: 'there', start: 0.5, end: 1.5 },
        ],
      }),
    );
    const result = await client().transcribe({
      model: 'openai/whisper-1',
      file: new Uint8Array([1]),
      response_format: 'verbose_json',
    });
    expect(result.segments?.[0]?.end).toBe(1.5);
    expect(result.words?.map((word) => word.word)).toEqual(['Hi', 'there']);
  });

  it('rejects a JSON body that is not JSON, and JSON without text', async () => {
    server.handle(sendText(200, 'application/json', '{"text": '));
    await expect(client().transcribe({ model: 'openai/whisper-1', file: new Uint8Array([1]) })).rejects.toMatchObject({
      name: 'InvalidResponseError',
    });
    server.handle(sendJson(200, { transcript: 'x' }));
    await expect(client().transcribe({ model: 'openai/whisper-1', file: new Uint8Array([1]) })).rejects.toThrow(/text/);
  });
});

describe('translate', () => {
  it('uploads to /audio/translations', async () => {
    server.handle(sendJson(200, { text: 'Hello world' }));
    const result = await client().translate({
      model: 'openai/whisper-1',
      file: new Uint8Array([5]),
      filename: 'de.mp3',
      prompt: 'Greeting',
    });
    expect(result.text).toBe('Hello world');
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/audio/translations');
    const parts = await parseMultipart(request as NonNullable<typeof request>);
    expect(textFields(parts)).toEqual([
      ['model', 'whisper-1'],
      ['prompt', 'Greeting'],
    ]);
    expect(callInfo(result).operation).toBe('translate');
  });

  it('is not offered by a provider without translations', async () => {
    const groqless = createClient({ providers: { mistral: { baseURL: server.url, apiKey: 'mistral-test-key' } } });
    await expect(
      groqless.translate({ model: 'mistral/voxtral-mini-latest', file: new Uint8Array([1]) }),
    ).rejects.toMatchObject({
      name: 'EndpointNotSupportedError',
      message: 'mistral does not serve the translations endpoint',
    });
    expect(server.requests).toHaveLength(0);
  });
});
