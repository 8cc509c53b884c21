/** Whether a configured model name is a pattern (`openai/*`, `*`) rather than a name clients send as is. */
export function isModelPattern(name: string): boolean {
  return name.includes('*');
}

/** Whether `model` matches `pattern`, where `*` stands for any run of characters (slashes included). */
export function matchesModelPattern(pattern: string, model: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(model);
}
