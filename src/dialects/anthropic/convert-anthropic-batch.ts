import { isRecord } from '../shared/is-record.js';
import { parseAnthropicTime } from './parse-anthropic-time.js';

/**
 * An Anthropic Message Batch (`{ id, type: 'message_batch', processing_status, request_counts,
 * created_at, expires_at, ended_at, cancel_initiated_at, archived_at, results_url }`) as OpenAI's
 * `Batch`:
 * - `processing_status` `in_progress` → `in_progress`, `canceling` → `cancelling`, `ended` →
 *   `cancelled` when a cancel was initiated, else `completed`;
 * - `request_counts` → `{ total, completed: succeeded, failed: errored + expired }` (canceled
 *   requests count in `total` only), the native counts kept beside them;
 * - RFC 3339 times → Unix seconds (`ended_at` as `completed_at` or `cancelled_at`,
 *   `cancel_initiated_at` as `cancelling_at`); `results_url` kept: the JSONL of results.
 * Anything else (an error body sent with a 2xx) is returned as it came, for the validator to judge.
 */
export function convertAnthropicBatch(body: unknown): unknown {
  if (!isRecord(body) || body.type !== 'message_batch') return body;
  const cancelled = typeof body.cancel_initiated_at === 'string';
  const ended = parseAnthropicTime(body.ended_at);
  return {
    id: body.id,
    object: 'batch',
    endpoint: '/v1/messages',
    completion_window: '24h',
    status: convertStatus(body.processing_status, cancelled),
    created_at: parseAnthropicTime(body.created_at) ?? undefined,
    in_progress_at: parseAnthropicTime(body.created_at),
    expires_at: parseAnthropicTime(body.expires_at),
    completed_at: cancelled ? null : ended,
    cancelling_at: parseAnthropicTime(body.cancel_initiated_at),
    cancelled_at: cancelled ? ended : null,
    archived_at: parseAnthropicTime(body.archived_at),
    request_counts: convertCounts(body.request_counts),
    results_url: typeof body.results_url === 'string' ? body.results_url : null,
  };
}

function convertStatus(status: unknown, cancelled: boolean): string {
  if (status === 'canceling') return 'cancelling';
  if (status === 'ended') return cancelled ? 'cancelled' : 'completed';
  return typeof status === 'string' ? status : 'in_progress';
}

function convertCounts(counts: unknown): Record<string, number> | null {
  if (!isRecord(counts)) return null;
  const count = (name: string) => (typeof counts[name] === 'number' ? (counts[name] as number) : 0);
  const native = {
    processing: count('processing'),
    succeeded: count('succeeded'),
    errored: count('errored'),
    canceled: count('canceled'),
    expired: count('expired'),
  };
  const total = native.processing + native.succeeded + native.errored + native.canceled + native.expired;
  return { total, completed: native.succeeded, failed: native.errored + native.expired, ...native };
}
