export interface ParsedModelString {
  /** The text before the first `/`, or undefined for a bare model name. */
  readonly prefix: string | undefined;
  /** Everything after the first `/` (model ids may contain more slashes), or the whole bare name. */
  readonly model: string;
}

/** Splits `provider/model` at the first `/`. */
export function parseModelString(value: string): ParsedModelString {
  const slash = value.indexOf('/');
  if (slash <= 0) return { prefix: undefined, model: value };
  return { prefix: value.slice(0, slash), model: value.slice(slash + 1) };
}
