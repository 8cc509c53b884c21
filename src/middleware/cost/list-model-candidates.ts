const COMPACT_DATE = /-(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|@|$)/g;
const VERSION_SUFFIXES = [/-20\d{2}-\d{2}-\d{2}$/, /-20\d{6}$/, /-latest$/, /-\d{3,4}$/];

/**
 * The ids to look a served model up by, most specific first. The rules, in order:
 * 1. lower-case and trim; drop a `models/` resource prefix (Gemini);
 * 2. the id as is;
 * 3. a compact date `-20240806` written `-2024-08-06` (genai-prices' own retry);
 * 4. a version tag after `:` (`...-v2:0` on Bedrock) or `@` (`...@20241022` on Vertex) removed;
 * 5. a trailing date (`-2024-08-06`, `-20240806`), `-latest` or a numeric revision (`-001`, `-0613`) removed.
 * A table's own rules usually match dated ids already (`starts_with`); these only help when they do not.
 */
export function listModelCandidates(model: string): string[] {
  let base = model.trim().toLowerCase();
  if (base.startsWith('models/')) base = base.slice('models/'.length);
  const candidates = [base, base.replace(COMPACT_DATE, '-$1-$2-$3')];
  const untagged = base.replace(/[:@][^/:@]*$/, '');
  candidates.push(untagged);
  for (const suffix of VERSION_SUFFIXES) {
    const trimmed = untagged.replace(suffix, '');
    if (trimmed !== '') candidates.push(trimmed);
  }
  return [...new Set(candidates.filter((candidate) => candidate !== ''))];
}
