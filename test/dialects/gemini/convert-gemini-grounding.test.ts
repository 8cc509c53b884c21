// Gemini and Vertex AI web grounding as OpenAI url_citation annotations: groundingSupports'
// segments are UTF-8 byte offsets into a part (Google's Segment docs), and OpenAI's schema wants
// start_index/end_index as indexes of the content, so `content.slice(start, end)` is the cited text.
import { describe, expect, it } from 'vitest';
import { convertGeminiChatResponse } from '../../../src/dialects/gemini/convert-gemini-chat-response.js';
import { createGeminiStreamConverter } from '../../../src/dialects/gemini/create-gemini-stream-converter.js';
import { convertAssembledChatStreamToResponse } from '../../../src/streaming/convert-assembled-chat-stream-to-response.js';
import { createChatStreamAccumulator } from '../../../src/streaming/create-chat-stream-accumulator.js';
import { groundedContent, groundedResponse, groundedStreamEvents } from './gemini-fixtures.js';
import { createGeminiRoute, vertexDefinition } from './gemini-route.js';

const [first] = groundedContent.split('Il ferme');
const sources = groundedResponse.candidates[0]!.groundingMetadata.groundingChunks.map((chunk) => chunk.web);
const expectedCitations = (content: string) => [
  { start_index: 0, end_index: first!.trimEnd().length, url: sources[0]!.uri, title: 'zuerich.com' },
  { start_index: 0, end_index: first!.trimEnd().length, url: sources[1]!.uri, title: 'cafe.ch' },
  { start_index: content.length - '18 h.'.length, end_index: content.length, url: sources[1]!.uri, title: 'cafe.ch' },
  // Cited by no support: it grounds the answer as a whole.
  { start_index: 0, end_index: content.length, url: sources[2]!.uri, title: 'uncited.example' },
];
const routes = [
  ['gemini', createGeminiRoute()],
  ['vertex_ai', createGeminiRoute('gemini-2.5-flash', vertexDefinition)],
] as const;

describe('Gemini grounding as url_citation annotations', () => {
  it.each(routes)('gives every citation string indexes into the content, past a thought part (%s, unary)', (_provider, route) => {
    // A thought part first shifts every partIndex by one against the answer text.
    const candidate = groundedResponse.candidates[0]!;
    const withThought = {
      ...groundedResponse,
      candidates: [
        {
          ...candidate,
          content: { role: 'model', parts: [{ text: 'Checking hours.', thought: true }, ...candidate.content.parts] },
          groundingMetadata: {
            ...candidate.groundingMetadata,
            groundingSupports: candidate.groundingMetadata.groundingSupports.map((support) => ({
              ...support,
              segment: { ...support.segment, partIndex: ((support.segment as { partIndex?: number }).partIndex ?? 0) + 1 },
            })),
          },
        },
      ],
    };
    const message = convertGeminiChatResponse(withThought, route).choices[0]!.message;
    expect(message.content).toBe(groundedContent);
    expect(message.reasoning_content).toBe('Checking hours.');
    expect(message.annotations?.map((annotation) => annotation.url_citation)).toEqual(expectedCitations(groundedContent));
    expect(message.annotations?.every((annotation) => annotation.type === 'url_citation')).toBe(true);
  });

  it.each(routes)('streams the citations once, indexing the whole answer text, and they assemble into the message (%s)', (_provider, route) => {
    const convert = createGeminiStreamConverter(route);
    // The metadata repeated on a later event is not sent twice.
    const last = groundedStreamEvents[1]!.candidates[0] as { groundingMetadata: unknown };
    const events = [...groundedStreamEvents, { candidates: [{ content: { role: 'model', parts: [] }, index: 0, groundingMetadata: last.groundingMetadata }], responseId: 'grounded-2' }];
    const accumulator = createChatStreamAccumulator();
    for (const event of events) {
      const result = convert({ data: JSON.stringify(event) });
      if (result.type !== 'ignore') for (const chunk of result.chunks ?? []) accumulator.add(chunk);
    }
    expect(accumulator.replayable).toBe(true);
    const message = convertAssembledChatStreamToResponse(accumulator.result()).choices[0]!.message;
    expect(message.content).toBe(groundedContent);
    expect(message.annotations?.map((annotation) => annotation.url_citation)).toEqual(expectedCitations(groundedContent));
  });
});
