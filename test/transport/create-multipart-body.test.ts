import { describe, expect, it } from 'vitest';
import { createMultipartBody } from '../../src/transport/create-multipart-body.js';

async function parse(body: FormData | ReadableStream<Uint8Array>, contentType: string | undefined): Promise<FormData> {
  const response =
    contentType === undefined
      ? new Response(body as FormData)
      : new Response(body, { headers: { 'content-type': contentType } });
  return response.formData();
}

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe('createMultipartBody', () => {
  it('puts bytes in a replayable FormData with the fields first and the file last', async () => {
    const { body, contentType } = createMultipartBody(
      [
        ['model', 'whisper-1'],
        ['language', 'de'],
      ],
      {
        value: new Uint8Array([1, 2, 3]),
        filename: 'audio.mp3',
      },
    );
    expect(body).toBeInstanceOf(FormData);
    expect(contentType).toBeUndefined();
    const form = await parse(body, contentType);
    expect([...form.keys()]).toEqual(['model', 'language', 'file']);
    const file = form.get('file') as File;
    expect(file.name).toBe('audio.mp3');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('takes the name of a File, else "file"', async () => {
    const named = createMultipartBody([], { value: new File(['x'], 'clip.wav'), filename: undefined });
    expect(((await parse(named.body, named.contentType)).get('file') as File).name).toBe('clip.wav');
    const unnamed = createMultipartBody([], { value: new Blob(['x']), filename: undefined });
    expect(((await parse(unnamed.body, unnamed.contentType)).get('file') as File).name).toBe('file');
  });

  it('copies a view on part of a buffer, not the whole buffer', async () => {
    const buffer = new Uint8Array([9, 1, 2, 9]);
    const { body, contentType } = createMultipartBody([], { value: buffer.subarray(1, 3), filename: 'a' });
    const file = (await parse(body, contentType)).get('file') as File;
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  });

  it('frames a stream by hand, with its boundary in the content type, without reading it ahead', async () => {
    let pulls = 0;
    const source = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          if (pulls === 1) controller.enqueue(new TextEncoder().encode('AB'));
          else if (pulls === 2) controller.enqueue(new TextEncoder().encode('C'));
          else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const { body, contentType } = createMultipartBody(
      [
        ['na"me', 'va\r\nlue'],
        ['purpose', 'batch'],
      ],
      { value: source, filename: 'up"load.jsonl' },
    );
    expect(body).toBeInstanceOf(ReadableStream);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=----liter-llm-[0-9a-f]{32}$/);
    expect(pulls).toBe(0);
    const form = await parse(body, contentType);
    expect(form.get('purpose')).toBe('batch');
    // Quotes are escaped as %22 in the part header, as FormData does, and read back as quotes.
    expect(form.get('na"me')).toBe('va\r\nlue');
    const file = form.get('file') as File;
    expect(file.name).toBe('up"load.jsonl');
    expect(await file.text()).toBe('ABC');
  });

  it('cancels the source when the body is cancelled', async () => {
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array([1]));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const { body } = createMultipartBody([], { value: source, filename: 'a' });
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel('stop');
    expect(cancelled).toBe('stop');
  });

  it('streams every chunk of a multi-chunk source', async () => {
    const { body, contentType } = createMultipartBody([], {
      value: streamOf('one ', 'two ', 'three'),
      filename: 'a.txt',
    });
    expect(await ((await parse(body, contentType)).get('file') as File).text()).toBe('one two three');
  });
});
