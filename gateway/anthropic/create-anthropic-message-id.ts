/**
 * A message id with Anthropic's `msg_` prefix, from the upstream response's id (kept whole when it
 * already has the prefix), or a fresh one when the upstream sent none.
 */
export function createAnthropicMessageId(upstreamId: string | null | undefined): string {
  if (typeof upstreamId !== 'string' || upstreamId === '') return `msg_${crypto.randomUUID().replaceAll('-', '')}`;
  return upstreamId.startsWith('msg_') ? upstreamId : `msg_${upstreamId}`;
}
