import { describe, expect, it } from 'vitest';
import { readBoundedText } from '../../src/transport/read-bounded-text.js';

const encoder = new TextEncoder();

/** A response whose body arrives in `parts`, noting whether it was cancelled and how many parts were pulled. */
function responseOf(parts: readonly string[], headers: Record<string, string> = {}) {
  const state = { cancelled: false, pulled: 0 };
  let index = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const part = parts[index];
        index += 1;
        if (part === undefined) controller.close();
        else {
          state.pulled += 1;
          controller.enqueue(encoder.encode(part));
        }
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body, { headers }), state };
}

describe('readBoundedText', () => {
  it('reads a body of exactly the bound whole, across chunks and split characters', async () => {
    const bytes = encoder.encode('aé€😀');
    // Chunks split inside the two- and four-byte characters.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 2));
        controller.enqueue(bytes.slice(2, 5));
        controller.enqueue(bytes.slice(5, 8));
        controller.enqueue(bytes.slice(8));
        controller.close();
      },
    });
    expect(await readBoundedText(new Response(body), bytes.byteLength)).toEqual({ text: 'aé€😀', exceeded: false });
  });

  it('stops at the first chunk past the bound and cancels the body', async () => {
    const { response, state } = responseOf(['aaaa', 'bbbb', 'cccc', 'dddd']);
    expect(await readBoundedText(response, 6)).toEqual({ text: 'aaaabb', exceeded: true });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBe(2);
  });

  it('refuses a declared length past the bound without reading', async () => {
    const { response, state } = responseOf(['aaaa'], { 'content-length': '1000' });
    expect(await readBoundedText(response, 10)).toEqual({ text: '', exceeded: true });
    expect(state.pulled).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('counts a compressed body as it arrives: its declared length is not its decoded size', async () => {
    const { response, state } = responseOf(['aaaa', 'bbbb', 'cccc'], { 'content-length': '4', 'content-encoding': 'gzip' });
    expect(await readBoundedText(response, 6)).toEqual({ text: 'aaaabb', exceeded: true });
    expect(state.cancelled).toBe(true);
  });

  it('reads an empty body as an empty string', async () => {
    expect(await readBoundedText(new Response(null), 10)).toEqual({ text: '', exceeded: false });
  });
});
