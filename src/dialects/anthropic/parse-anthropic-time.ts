/** Unix seconds of an RFC 3339 time as Anthropic sends it (`created_at`, `ended_at`, ...); null when absent or unreadable. */
export function parseAnthropicTime(value: unknown): number | null {
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? null : Math.floor(parsed / 1000);
}
