import { NetworkError } from '../../errors/error-classes.js';
import { createLinkedSignal } from '../../transport/create-linked-signal.js';

export interface PostTokenFormInput {
  readonly url: string;
  readonly form: URLSearchParams;
  readonly fetch: typeof fetch;
  readonly provider: string;
  readonly timeoutMs: number;
  /** Who answers, for the network error: `the token endpoint`, `IBM Cloud IAM at`. */
  readonly what: string;
}

export interface TokenFormAnswer {
  readonly status: number;
  readonly ok: boolean;
  /** The JSON object answered, or `{}` for anything else (the caller reports by status). */
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * One POST of a form to a token endpoint (Google OAuth, IBM Cloud IAM), bounded by `timeoutMs`:
 * the answer's status and JSON body. A request that never got an answer is a NetworkError naming
 * the endpoint; the form (which holds the secret) is never quoted.
 */
export async function postTokenForm(input: PostTokenFormInput): Promise<TokenFormAnswer> {
  // The deadline bounds the answer's body too; disposed once it is read, so no timer outlives it.
  const deadline = createLinkedSignal(undefined, input.timeoutMs);
  let response: Response;
  let text: string;
  try {
    try {
      response = await input.fetch(input.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: input.form.toString(),
        signal: deadline.signal,
      });
    } catch (error) {
      throw new NetworkError(`${input.provider}: could not reach ${input.what} ${input.url}: ${error instanceof Error ? error.message : String(error)}`, {
        provider: input.provider,
      });
    }
    text = await response.text();
  } finally {
    deadline.dispose();
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // A non-JSON answer is reported by status.
  }
  return { status: response.status, ok: response.ok, body };
}
