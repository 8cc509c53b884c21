// Gemini and Vertex AI web grounding as OpenAI url_citation annotations: groundingSupports'
// segments are UTF-8 byte offsets into a part (Google's Segment docs), and OpenAI's schema wants
// start_index/end_index as indexes of the content, so `content.slice(start, end)` is the cited text.
import { describe, expect, it } from 'vitest';
import { convertGeminiChatResponse } from '../../../src/dialects/gemini/convert-gemini-chat-response.js';
import { createGeminiStreamConverter } from '../../../src/dialects/gemini/create-gemini-stream-converter.js';
import { convertAssembledChatStreamToResponse } from '../../../src/streaming/convert-assembled-chat-stream-to-response.js';
import { createChatStreamAccumulator } from '../../../src/streaming/create-chat-stream-accumulator.js';
import { createGeminiRoute, vertexDefinition } from './gemini-route.js';

const first = 'Le café à Zürich 🇨🇭 ouvre tôt. ';
const second = 'Il ferme à 18 h.';
const bytes = (text: string) => new TextEncoder().encode(text).length;
const sources = [
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/a', title: 'zuerich.com' } },
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/b', title: 'cafe.ch' } },
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/c', title: 'uncited.example' } },
];
const groundingMetadata = {
  webSearchQueries: ['café Zürich horaires'],
  groundingChunks: sources,
  groundingSupports: [
    { segment: { startIndex: 0, endIndex: bytes(first.trimEnd()), text: first.trimEnd() }, groundingChunkIndices: [0, 1] },
    { segment: { partIndex: 1, startIndex: bytes('Il ferme à '), endIndex: bytes(second), text: '18 h.' }, groundingChunkIndices: [1] },
  ],
};
const response = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'Checking hours.', thought: true }, { text: first }, { text: second }] }, finishReason: 'STOP', groundingMetadata }],
  responseId: 'grounded-1',
  modelVersion: 'gemini-2.5-flash',
};

describe('Gemini grounding as url_citation annotations', () => {
  it.each([
    ['gemini', createGeminiRoute()],
    ['vertex_ai', createGeminiRoute('gemini-2.5-flash', vertexDefinition)],
  ])('gives every citation character indexes into the content (%s, unary)', (_provider, route) => {
    // The thought part shifts partIndex by one against the answer text: part 1 is `first`.
    const shifted = {
      ...response,
      candidates: [{ ...response.candidates[0]!, groundingMetadata: { ...groundingMetadata, groundingSupports: groundingMetadata.groundingSupports.map((support) => ({ ...support, segment: { ...support.segment, partIndex: (support.segment.partIndex ?? 0) + 1 } })) } }],
    };
    const message = convertGeminiChatResponse(shifted, route).choices[0]!.message;
    const content = message.content as string;
    expect(content).toBe(first + second);
    const citations = (message.annotations ?? []).map((annotation) => annotation.url_citation!);
    expect(citations).toEqual([
      { start_index: 0, end_index: first.trimEnd().length, url: sources[0]!.web.uri, title: 'zuerich.com' },
      { start_index: 0, end_index: first.trimEnd().length, url: sources[1]!.web.uri, title: 'cafe.ch' },
      { start_index: first.length + 'Il ferme à '.length, end_index: content.length, url: sources[1]!.web.uri, title: 'cafe.ch' },
      // Cited by no support: it grounds the answer as a whole.
      { start_index: 0, end_index: content.length, url: sources[2]!.web.uri, title: 'uncited.example' },
    ]);
    expect(content.slice(citations[0]!.start_index, citations[0]!.end_index)).toBe(first.trimEnd());
    expect(content.slice(citations[2]!.start_index, citations[2]!.end_index)).toBe('18 h.');
    expect(message.annotations?.every((annotation) => annotation.type === 'url_citation')).toBe(true);
  });

  it.each([
    ['gemini', createGeminiRoute()],
    ['vertex_ai', createGeminiRoute('gemini-2.5-flash', vertexDefinition)],
  ])('streams the citations once, indexing the whole answer text, and they assemble into the message (%s)', (_provider, route) => {
    const convert = createGeminiStreamConverter(route);
    // A streamed segment indexes the answer so far, whichever event carried its text.
    const streamedMetadata = {
      ...groundingMetadata,
      groundingSupports: [
        groundingMetadata.groundingSupports[0]!,
        { segment: { startIndex: bytes(first + 'Il ferme à '), endIndex: bytes(first + second), text: '18 h.' }, groundingChunkIndices: [1] },
      ],
    };
    const events = [
      { candidates: [{ content: { role: 'model', parts: [{ text: first }] } }], responseId: 'grounded-2' },
      { candidates: [{ content: { role: 'model', parts: [{ text: second }] }, finishReason: 'STOP', groundingMetadata: streamedMetadata }], responseId: 'grounded-2' },
      { candidates: [{ content: { role: 'model', parts: [] }, groundingMetadata: streamedMetadata }], responseId: 'grounded-2' },
    ];
    const accumulator = createChatStreamAccumulator();
    for (const event of events) {
      const result = convert({ data: JSON.stringify(event) });
      if (result.type !== 'ignore') for (const chunk of result.chunks ?? []) accumulator.add(chunk);
    }
    expect(accumulator.replayable).toBe(true);
    const message = convertAssembledChatStreamToResponse(accumulator.result()).choices[0]!.message;
    const content = message.content as string;
    expect(content).toBe(first + second);
    expect(message.annotations?.map((annotation) => annotation.url_citation)).toEqual([
      { start_index: 0, end_index: first.trimEnd().length, url: sources[0]!.web.uri, title: 'zuerich.com' },
      { start_index: 0, end_index: first.trimEnd().length, url: sources[1]!.web.uri, title: 'cafe.ch' },
      { start_index: first.length + 'Il ferme à '.length, end_index: content.length, url: sources[1]!.web.uri, title: 'cafe.ch' },
      { start_index: 0, end_index: content.length, url: sources[2]!.web.uri, title: 'uncited.example' },
    ]);
  });
});
