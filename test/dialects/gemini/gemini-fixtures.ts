// Wire fixtures written from Google's documentation of the Gemini API
// (https://ai.google.dev/api/generate-content, .../gemini-api/docs/function-calling,
// .../thinking, .../api/embeddings) and of Vertex AI's shared format. Field names, nesting and
// enum values follow the documented examples.

/** A plain text answer (documented `generateContent` response). */
export const textResponse = {
  candidates: [
    {
      content: { parts: [{ text: 'Paris.' }], role: 'model' },
      finishReason: 'STOP',
      avgLogprobs: -0.0213,
    },
  ],
  usageMetadata: {
    promptTokenCount: 20,
    candidatesTokenCount: 2,
    totalTokenCount: 22,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 20 }],
    candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: 2 }],
  },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'mYJcaPzWKL2I1dkPqLy_6Aw',
};

/** A function call (documented function-calling response; Gemini gives no call id). */
export const functionCallResponse = {
  candidates: [
    {
      content: {
        role: 'model',
        parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }],
      },
      finishReason: 'STOP',
      index: 0,
    },
  ],
  usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 10, totalTokenCount: 40 },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'fc-response-1',
};

/** Two parallel calls, the first carrying a thought signature (Gemini 2.5/3 with thinking). */
export const parallelCallsWithSignatureResponse = {
  candidates: [
    {
      content: {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'CpUBAb4+9vs/x+7Qzw==' },
          { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      finishReason: 'STOP',
      index: 0,
    },
  ],
  usageMetadata: { promptTokenCount: 50, candidatesTokenCount: 20, thoughtsTokenCount: 100, totalTokenCount: 170 },
  modelVersion: 'gemini-3-pro-preview',
  responseId: 'parallel-1',
};

/** Thought summaries with `includeThoughts: true` (documented thinking response). */
export const thinkingResponse = {
  candidates: [
    {
      content: {
        parts: [
          { text: '**Weighing the options**\nThe user asks for a capital.', thought: true },
          { text: 'Paris.' },
        ],
        role: 'model',
      },
      finishReason: 'STOP',
      index: 0,
    },
  ],
  usageMetadata: {
    promptTokenCount: 12,
    candidatesTokenCount: 2,
    thoughtsTokenCount: 150,
    cachedContentTokenCount: 8,
    totalTokenCount: 164,
  },
  modelVersion: 'gemini-2.5-pro',
  responseId: 'thinking-1',
};

/** A prompt blocked before any candidate (documented `promptFeedback`). */
export const blockedPromptResponse = {
  promptFeedback: {
    blockReason: 'SAFETY',
    safetyRatings: [
      { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
      { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'HIGH' },
      { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
      { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
    ],
  },
  usageMetadata: { promptTokenCount: 7, totalTokenCount: 7 },
  modelVersion: 'gemini-2.5-flash',
};

/** A candidate stopped by the safety filter: no content, the ratings say why. */
export const safetyStoppedResponse = {
  candidates: [
    {
      finishReason: 'SAFETY',
      index: 0,
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
    },
  ],
  usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 },
  modelVersion: 'gemini-2.5-flash',
};

/** `streamGenerateContent?alt=sse` events for a text answer (documented SSE example). */
export const textStreamEvents = [
  {
    candidates: [{ content: { parts: [{ text: 'Par' }], role: 'model' }, index: 0 }],
    usageMetadata: { promptTokenCount: 20, totalTokenCount: 20 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'stream-1',
  },
  {
    candidates: [{ content: { parts: [{ text: 'is.' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 2, totalTokenCount: 22 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'stream-1',
  },
];

/** A streamed thinking answer: thought parts first, then text. */
export const thinkingStreamEvents = [
  {
    candidates: [{ content: { parts: [{ text: 'Considering capitals.', thought: true }], role: 'model' }, index: 0 }],
    usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
    modelVersion: 'gemini-2.5-pro',
    responseId: 'stream-think',
  },
  {
    candidates: [{ content: { parts: [{ text: 'Paris.' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 2, thoughtsTokenCount: 40, totalTokenCount: 54 },
    modelVersion: 'gemini-2.5-pro',
    responseId: 'stream-think',
  },
];

/** A streamed turn with two function calls, each arriving whole in its own event. */
export const toolCallStreamEvents = [
  {
    candidates: [
      {
        content: { parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'c2lnbmF0dXJlLTE=' }], role: 'model' },
        index: 0,
      },
    ],
    usageMetadata: { promptTokenCount: 30, totalTokenCount: 30 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'stream-tools',
  },
  {
    candidates: [
      {
        content: { parts: [{ functionCall: { name: 'get_weather', args: { city: 'Rome' } } }], role: 'model' },
        finishReason: 'STOP',
        index: 0,
      },
    ],
    usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 16, totalTokenCount: 46 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'stream-tools',
  },
];

/** An error event in the middle of a stream (Google's error body as the event data). */
export const overloadedErrorEvent = {
  error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' },
};

export const rateLimitErrorBody = {
  error: {
    code: 429,
    message: 'You exceeded your current quota, please check your plan and billing details.',
    status: 'RESOURCE_EXHAUSTED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier' }],
      },
      { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '14s' },
    ],
  },
};

export const invalidApiKeyErrorBody = {
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
    ],
  },
};

export const unauthenticatedErrorBody = {
  error: {
    code: 401,
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    status: 'UNAUTHENTICATED',
  },
};

export const permissionDeniedErrorBody = {
  error: { code: 403, message: "Permission 'aiplatform.endpoints.predict' denied on resource.", status: 'PERMISSION_DENIED' },
};

export const tokenLimitErrorBody = {
  error: {
    code: 400,
    message: 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
    status: 'INVALID_ARGUMENT',
  },
};

export const vertexTokenLimitErrorBody = {
  error: {
    code: 400,
    message: 'Unable to submit request because the input token count is 1200000 but model only supports up to 1048576. Reduce the input token count and try again.',
    status: 'INVALID_ARGUMENT',
  },
};

export const notFoundErrorBody = {
  error: { code: 404, message: 'models/gemini-9 is not found for API version v1beta, or is not supported for generateContent.', status: 'NOT_FOUND' },
};

/** `batchEmbedContents` response. */
export const batchEmbedResponse = { embeddings: [{ values: [0.1, -0.2, 0.3] }, { values: [0.4, 0.5, -0.6] }] };

/** `models.list` response. */
export const modelsListResponse = {
  models: [
    {
      name: 'models/gemini-2.5-flash',
      version: '001',
      displayName: 'Gemini 2.5 Flash',
      inputTokenLimit: 1048576,
      outputTokenLimit: 65536,
      supportedGenerationMethods: ['generateContent', 'countTokens'],
    },
    { name: 'models/gemini-embedding-001', displayName: 'Gemini Embedding 001', supportedGenerationMethods: ['embedContent'] },
  ],
  nextPageToken: '',
};

/**
 * A Google Search grounded answer: groundingSupports' segments are UTF-8 byte offsets into a part
 * (the 'é' and the flag make bytes and string indexes differ), and the third source is cited by no
 * support. `groundedStreamEvents` streams it, the metadata on the last event indexing the whole text.
 */
const groundedFirst = 'Le café à Zürich 🇨🇭 ouvre tôt. ';
const groundedSecond = 'Il ferme à 18 h.';
const utf8Length = (text: string) => new TextEncoder().encode(text).length;
const groundingChunks = [
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/a', title: 'zuerich.com' } },
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/b', title: 'cafe.ch' } },
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/c', title: 'uncited.example' } },
];
export const groundedContent = groundedFirst + groundedSecond;
export const groundedCitations = [
  { url: groundingChunks[0]!.web.uri, cited: groundedFirst.trimEnd() },
  { url: groundingChunks[1]!.web.uri, cited: groundedFirst.trimEnd() },
  { url: groundingChunks[1]!.web.uri, cited: '18 h.' },
  { url: groundingChunks[2]!.web.uri, cited: groundedContent },
];
export const groundedResponse = {
  candidates: [
    {
      content: { role: 'model', parts: [{ text: groundedFirst }, { text: groundedSecond }] },
      finishReason: 'STOP',
      index: 0,
      groundingMetadata: {
        webSearchQueries: ['café Zürich horaires'],
        groundingChunks,
        groundingSupports: [
          { segment: { startIndex: 0, endIndex: utf8Length(groundedFirst.trimEnd()), text: groundedFirst.trimEnd() }, groundingChunkIndices: [0, 1] },
          { segment: { partIndex: 1, startIndex: utf8Length('Il ferme à '), endIndex: utf8Length(groundedSecond), text: '18 h.' }, groundingChunkIndices: [1] },
        ],
      },
    },
  ],
  usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 14, totalTokenCount: 23 },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'grounded-1',
};
export const groundedStreamEvents = [
  { candidates: [{ content: { role: 'model', parts: [{ text: groundedFirst }] }, index: 0 }], modelVersion: 'gemini-2.5-flash', responseId: 'grounded-2' },
  {
    candidates: [
      {
        content: { role: 'model', parts: [{ text: groundedSecond }] },
        finishReason: 'STOP',
        index: 0,
        groundingMetadata: {
          groundingChunks,
          groundingSupports: [
            groundedResponse.candidates[0]!.groundingMetadata.groundingSupports[0]!,
            { segment: { startIndex: utf8Length(groundedFirst + 'Il ferme à '), endIndex: utf8Length(groundedContent), text: '18 h.' }, groundingChunkIndices: [1] },
          ],
        },
      },
    ],
    usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 14, totalTokenCount: 23 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'grounded-2',
  },
];
