import { classifyHttpStatus, createHttpError, HTTP_ERROR_CLASSES, type HttpErrorKind } from '../../errors/create-http-error.js';
import type { LiterLlmError, LiterLlmErrorOptions } from '../../errors/liter-llm-error.js';

/**
 * One line of a dialect's error table: the error class for a failure that matches every condition
 * given. Rules are tried in order; the first match wins.
 */
export interface ErrorRule {
  readonly kind: HttpErrorKind;
  /** The provider's error type or code is one of these. */
  readonly types?: readonly string[];
  /** The HTTP status is one of these, or any 4xx for `'client'`. */
  readonly statuses?: readonly number[] | 'client';
  /** The provider's message matches. */
  readonly message?: RegExp;
  /** Added to the error message; `{provider}` is replaced by the provider id. */
  readonly hint?: string;
}

/** A dialect's error mapping as data. */
export interface DialectErrorTable {
  readonly rules: readonly ErrorRule[];
  /**
   * When no rule matches: `shared` is the shared status mapping with its own message
   * (createHttpError); `status` is the shared status mapping with the dialect's message; a kind
   * is that kind; `none` leaves the decision to the caller (undefined).
   */
  readonly otherwise: 'shared' | 'status' | 'none' | { readonly kind: HttpErrorKind };
  /** The status an error without one (a stream event, an error inside a 200) stands for, by type. */
  readonly statusByType?: Readonly<Record<string, number>>;
}

/** What a dialect read from one failure. */
export interface DialectErrorFacts {
  /** The HTTP status, or the status the payload names; undefined when nothing says. */
  readonly status: number | undefined;
  /** The provider's error types or codes, as the table lists them. */
  readonly types: readonly (string | undefined)[];
  /** The provider's message, which `message` rules test. */
  readonly message: string;
  /** The error message, in the dialect's words (`anthropic: HTTP 529: Overloaded`). */
  readonly text: string;
  readonly body: unknown;
  readonly retryAfterMs?: number | undefined;
}

export interface ErrorOrigin {
  readonly provider: string;
  readonly model: string;
}

/** The one builder of dialect errors: the table decides the class, the facts fill it in. */
export function buildDialectError(table: DialectErrorTable & { readonly otherwise: Exclude<DialectErrorTable['otherwise'], 'none'> }, facts: DialectErrorFacts, origin: ErrorOrigin): LiterLlmError;
export function buildDialectError(table: DialectErrorTable, facts: DialectErrorFacts, origin: ErrorOrigin): LiterLlmError | undefined;
export function buildDialectError(table: DialectErrorTable, facts: DialectErrorFacts, origin: ErrorOrigin): LiterLlmError | undefined {
  const options: LiterLlmErrorOptions = { status: facts.status, provider: origin.provider, model: origin.model, retryAfterMs: facts.retryAfterMs, body: facts.body };
  const rule = table.rules.find((candidate) => matches(candidate, facts));
  if (rule !== undefined) {
    const hint = rule.hint === undefined ? '' : ` ${rule.hint.replaceAll('{provider}', origin.provider)}`;
    return new HTTP_ERROR_CLASSES[rule.kind](`${facts.text}${hint}`, options);
  }
  const { otherwise } = table;
  if (otherwise === 'none') return undefined;
  if (otherwise === 'shared') {
    return createHttpError({ status: facts.status ?? 500, body: facts.body, provider: origin.provider, model: origin.model, retryAfterMs: facts.retryAfterMs, secrets: [] });
  }
  if (otherwise !== 'status') return new HTTP_ERROR_CLASSES[otherwise.kind](facts.text, options);
  const status = facts.status;
  const kind = status === undefined ? 'BadRequest' : classifyHttpStatus(status, `${facts.types.filter(Boolean).join(' ')} ${facts.message}`);
  return new HTTP_ERROR_CLASSES[kind](facts.text, kind === 'BadRequest' ? { ...options, retryable: status === 409 } : options);
}

/** The status a payload's error type stands for, from the table; 500 for a type it does not know. */
export function statusForType(table: DialectErrorTable, type: string | undefined): number {
  return (type === undefined ? undefined : table.statusByType?.[type]) ?? 500;
}

function matches(rule: ErrorRule, facts: DialectErrorFacts): boolean {
  if (rule.types !== undefined && !facts.types.some((type) => type !== undefined && rule.types?.includes(type))) return false;
  if (rule.statuses !== undefined) {
    const status = facts.status;
    if (status === undefined) return false;
    if (rule.statuses === 'client' ? status < 400 || status >= 500 : !rule.statuses.includes(status)) return false;
  }
  return rule.message === undefined || rule.message.test(facts.message);
}

/** `provider: HTTP 400: message`, the message of most dialect errors. */
export function describeHttpFailure(provider: string, status: number, message: string): string {
  return `${provider}: HTTP ${status}${message === '' ? '' : `: ${message}`}`;
}
