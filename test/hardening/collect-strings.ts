/**
 * Every string reachable from a value, own non-enumerable properties included (an error's
 * `message`, `stack`, `cause`, `body`, `errors`), walked iteratively so a 200-deep body is read whole.
 */
export function collectStrings(root: unknown): string[] {
  const strings: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') strings.push(value);
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    for (const key of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && 'value' in descriptor) stack.push(descriptor.value);
    }
  }
  return strings;
}

/** The strings of `value` that contain any of `needles`. */
export function leaks(value: unknown, needles: readonly string[]): string[] {
  return collectStrings(value).filter((text) => needles.some((needle) => text.includes(needle)));
}
