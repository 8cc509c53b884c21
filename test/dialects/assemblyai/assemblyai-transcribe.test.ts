import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { startMockServer, type MockHandler, type MockServer } from '../../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (options: { timeoutMs?: number; maxAttempts?: number } = {}) =>
  createClient({
    providers: { assemblyai: { baseURL: `${server.url}/v2`, apiKey: 'key-assembly-0123456789' } },
    maxRetries: 0,
    ...options,
  });

const audio = new Uint8Array([1, 2, 3, 4, 5]);

const COMPLETED = {
  id: 't-1',
  status: 'completed',
  text: 'Hello world.',
  language_code: 'en_us',
  audio_duration: 3,
  words: [
    { text: 'Hello', start: 100, end: 400, confidence: 0.9, speaker: 'A' },
    { text: 'world.', start: 500, end: 900, confidence: 0.9, speaker: 'A' },
  ],
  utterances: [{ text: 'Hello world.', start: 100, end: 900, speaker: 'A', words: [] }],
};

/** AssemblyAI's flow: upload, create, then `statuses` for successive polls. */
function assemblyAi(statuses: readonly Record<string, unknown>[]): MockHandler {
  let polls = 0;
  return (request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.path === '/v2/upload') return void response.end(JSON.stringify({ upload_url: 'https://cdn.example/upload/abc' }));
    if (request.method === 'POST' && request.path === '/v2/transcript')
      return void response.end(JSON.stringify({ id: 't-1', status: 'queued' }));
    const next = statuses[Math.min(polls, statuses.length - 1)];
    polls += 1;
    response.end(JSON.stringify(next));
  };
}

describe('AssemblyAI speech-to-text (upload, create transcript, poll)', () => {
  it('uploads the bytes, creates the transcript from the upload URL and polls it to completion', async () => {
    server.handle(assemblyAi([{ id: 't-1', status: 'processing' }, COMPLETED]));
    const result = await client().transcribe({
      model: 'assemblyai/universal',
      file: audio,
      language: 'en',
      response_format: 'verbose_json',
      extra_body: { speaker_labels: true },
    });
    const [upload, create, ...polls] = server.requests;
    expect(upload).toMatchObject({ method: 'POST', path: '/v2/upload' });
    expect(upload?.headers.authorization).toBe('key-assembly-0123456789');
    expect(upload?.headers['content-type']).toBe('application/octet-stream');
    expect([...(upload?.bodyBytes ?? [])]).toEqual([...audio]);
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v2/transcript',
      body: { audio_url: 'https://cdn.example/upload/abc', speech_model: 'universal', language_code: 'en', speaker_labels: true },
    });
    expect(create?.headers.authorization).toBe('key-assembly-0123456789');
    expect(polls.map((poll) => [poll.method, poll.path])).toEqual([
      ['GET', '/v2/transcript/t-1'],
      ['GET', '/v2/transcript/t-1'],
    ]);
    expect(result).toEqual({
      text: 'Hello world.',
      language: 'en_us',
      duration: 3,
      words: [
        { word: 'Hello', start: 0.1, end: 0.4 },
        { word: 'world.', start: 0.5, end: 0.9 },
      ],
      segments: [{ id: 0, start: 0.1, end: 0.9, text: 'Hello world.', speaker: 'A' }],
    });
    expect(callInfo(result)).toMatchObject({ provider: 'assemblyai', attempts: 4 });
  });

  it('answers { text } for json and fails typed when the transcript fails', async () => {
    server.handle(assemblyAi([COMPLETED]));
    expect(await client().transcribe({ model: 'assemblyai/best', file: audio })).toEqual({ text: 'Hello world.' });
    server.handle(assemblyAi([{ id: 't-1', status: 'error', error: 'File does not appear to contain audio.' }]));
    await expect(client().transcribe({ model: 'assemblyai/best', file: audio })).rejects.toMatchObject({
      name: 'BadRequestError',
      message: expect.stringMatching(/t-1 failed: File does not appear to contain audio/),
    });
  });

  it('stops polling when the signal aborts, at once', async () => {
    server.handle(assemblyAi([{ id: 't-1', status: 'processing' }]));
    const controller = new AbortController();
    const pending = client().transcribe({ model: 'assemblyai/best', file: audio }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const abortedAt = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortedError' });
    expect(Date.now() - abortedAt).toBeLessThan(500);
  });

  it('gives up with TimeoutError when the transcript is not ready by the call deadline', async () => {
    server.handle(assemblyAi([{ id: 't-1', status: 'processing' }]));
    const startedAt = Date.now();
    await expect(client({ timeoutMs: 2500 }).transcribe({ model: 'assemblyai/best', file: audio })).rejects.toMatchObject({
      name: 'TimeoutError',
      message: expect.stringMatching(/transcript t-1 was still processing/),
    });
    expect(Date.now() - startedAt).toBeLessThan(2600);
  });

  it('gives up with TimeoutError naming maxAttempts when the polls spend it', async () => {
    server.handle(assemblyAi([{ id: 't-1', status: 'processing' }]));
    await expect(client({ maxAttempts: 4 }).transcribe({ model: 'assemblyai/best', file: audio })).rejects.toMatchObject({
      name: 'TimeoutError',
      message: expect.stringMatching(/still processing after 4 requests, the call's maxAttempts/),
    });
    expect(server.requests).toHaveLength(4);
  });

  it('refuses srt before anything is sent', async () => {
    await expect(client().transcribe({ model: 'assemblyai/best', file: audio, response_format: 'srt' })).rejects.toMatchObject({
      name: 'BadRequestError',
    });
    expect(server.requests).toHaveLength(0);
  });
});
