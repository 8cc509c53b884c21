/**
 * Unix seconds of a response: Vertex AI sends an RFC 3339 `createTime`; the Gemini API sends
 * nothing, so the time of conversion stands in.
 */
export function parseGeminiCreateTime(createTime: unknown): number {
  const parsed = typeof createTime === 'string' ? Date.parse(createTime) : Number.NaN;
  return Math.floor((Number.isNaN(parsed) ? Date.now() : parsed) / 1000);
}
