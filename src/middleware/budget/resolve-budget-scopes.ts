import type { CallContext } from '../../call/call-context.js';
import type { NormalizedBudgetOptions } from './normalize-budget-options.js';

export interface BudgetScope {
  /** `global`, `model:<key>`, `provider:<id>` or `tag:<tag>`. */
  readonly name: string;
  readonly limitUsd: number;
}

/**
 * The limits a call counts against: the global one, each `perModel` key equal to the model as
 * written (`request.model`), as routed (`provider/model`) or bare, its provider's, and one per tag.
 */
export function resolveBudgetScopes(context: CallContext, options: NormalizedBudgetOptions): BudgetScope[] {
  const scopes: BudgetScope[] = [];
  if (options.limitUsd !== undefined) scopes.push({ name: 'global', limitUsd: options.limitUsd });
  // Every call runs this; without per-model or per-tag limits there is nothing to look up.
  if (hasEntries(options.perModel)) {
    const written = (context.request as { model?: unknown } | null)?.model;
    const names = new Set([typeof written === 'string' ? written : '', `${context.route.provider.id}/${context.route.model}`, context.route.model]);
    for (const name of names) {
      const limit = options.perModel[name];
      if (name !== '' && limit !== undefined) scopes.push({ name: `model:${name}`, limitUsd: limit });
    }
  }
  const providerLimit = options.perProvider[context.route.provider.id];
  if (providerLimit !== undefined) scopes.push({ name: `provider:${context.route.provider.id}`, limitUsd: providerLimit });
  if (context.options.tags.length > 0 && hasEntries(options.perTag)) {
    for (const tag of new Set(context.options.tags)) {
      const limit = options.perTag[tag];
      if (limit !== undefined) scopes.push({ name: `tag:${tag}`, limitUsd: limit });
    }
  }
  return scopes;
}

function hasEntries(record: Readonly<Record<string, number>>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}
