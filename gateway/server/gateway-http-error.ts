/**
 * An error the gateway itself answers with (no key, a model outside the key's list, a body too
 * large), as opposed to an SDK error from the call. `type` and `code` are OpenAI's error fields.
 */
export class GatewayHttpError extends Error {
  override readonly name = 'GatewayHttpError';

  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string | null,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
