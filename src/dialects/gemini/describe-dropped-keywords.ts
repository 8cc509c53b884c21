/** One warning per schema, listing each dropped keyword and the JSON pointers where it was. */
export function describeDroppedKeywords(where: string, dropped: ReadonlyArray<{ readonly keyword: string; readonly path: string }>): string {
  const byKeyword = new Map<string, string[]>();
  for (const { keyword, path } of dropped) byKeyword.set(keyword, [...(byKeyword.get(keyword) ?? []), path]);
  const list = [...byKeyword].map(([keyword, paths]) => `${keyword} (at ${paths.join(', ')})`).join('; ');
  return `${where}: dropped what Gemini's schema subset cannot express: ${list}`;
}
