import type { MatchRule } from './pricing-table.js';

/**
 * Whether a (lower-cased) model id fits a genai-prices match rule. String rules compare
 * case-insensitively; `regex` rules are compiled once through `compile` (the caller's cache).
 */
export function matchModelRule(rule: MatchRule, model: string, compile: (source: string) => RegExp): boolean {
  if ('or' in rule) return rule.or.some((inner) => matchModelRule(inner, model, compile));
  if ('and' in rule) return rule.and.every((inner) => matchModelRule(inner, model, compile));
  if ('equals' in rule) return model === rule.equals.toLowerCase();
  if ('starts_with' in rule) return model.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return model.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return model.includes(rule.contains.toLowerCase());
  if ('regex' in rule) return compile(rule.regex).test(model);
  const unreachable: never = rule;
  throw new TypeError(`unknown match rule ${JSON.stringify(unreachable)}`);
}
