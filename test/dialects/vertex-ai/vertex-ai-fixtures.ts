// Vertex AI wire fixtures, from Google Cloud's documentation of `generateContent` on Vertex (same
// body as the Gemini API plus `createTime`/`responseId`) and of text-embedding `predict`.

export const vertexTextResponse = {
  candidates: [
    {
      content: { role: 'model', parts: [{ text: 'Paris.' }] },
      finishReason: 'STOP',
      avgLogprobs: -0.05,
    },
  ],
  usageMetadata: {
    promptTokenCount: 20,
    candidatesTokenCount: 2,
    totalTokenCount: 22,
    trafficType: 'ON_DEMAND',
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 20 }],
    candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: 2 }],
  },
  modelVersion: 'gemini-2.5-flash',
  createTime: '2025-06-01T12:00:00.123456Z',
  responseId: 'vtx-text-1',
};

export const vertexFunctionCallResponse = {
  candidates: [
    {
      content: { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }] },
      finishReason: 'STOP',
    },
  ],
  usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 10, totalTokenCount: 40, trafficType: 'ON_DEMAND' },
  modelVersion: 'gemini-2.5-flash',
  createTime: '2025-06-01T12:00:01Z',
  responseId: 'vtx-fc-1',
};

export const vertexStreamEvents = [
  {
    candidates: [{ content: { role: 'model', parts: [{ text: 'Par' }] } }],
    usageMetadata: { trafficType: 'ON_DEMAND' },
    modelVersion: 'gemini-2.5-flash',
    createTime: '2025-06-01T12:00:02Z',
    responseId: 'vtx-stream-1',
  },
  {
    candidates: [{ content: { role: 'model', parts: [{ text: 'is.' }] }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 2, totalTokenCount: 22, trafficType: 'ON_DEMAND' },
    modelVersion: 'gemini-2.5-flash',
    createTime: '2025-06-01T12:00:02Z',
    responseId: 'vtx-stream-1',
  },
];

export const vertexToolCallStreamEvents = [
  {
    candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }] }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 8, totalTokenCount: 38, trafficType: 'ON_DEMAND' },
    modelVersion: 'gemini-2.5-flash',
    createTime: '2025-06-01T12:00:03Z',
    responseId: 'vtx-stream-tools',
  },
];

export const vertexEmbeddingResponse = {
  predictions: [
    { embeddings: { statistics: { truncated: false, token_count: 4 }, values: [0.01, -0.02] } },
    { embeddings: { statistics: { truncated: false, token_count: 5 }, values: [0.03, 0.04] } },
  ],
  metadata: { billableCharacterCount: 24 },
};

export const vertexUnauthenticatedBody = {
  error: {
    code: 401,
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    status: 'UNAUTHENTICATED',
    details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_EXPIRED', domain: 'googleapis.com' }],
  },
};

export const vertexRateLimitBody = {
  error: {
    code: 429,
    message: 'Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.',
    status: 'RESOURCE_EXHAUSTED',
  },
};

export const vertexTokenLimitBody = {
  error: {
    code: 400,
    message: 'Unable to submit request because the input token count is 1200000 but model only supports up to 1048576. Reduce the input token count and try again.',
    status: 'INVALID_ARGUMENT',
  },
};

export const vertexInternalErrorEvent = {
  error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' },
};
