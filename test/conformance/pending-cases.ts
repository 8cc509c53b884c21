// Conformance cases this SDK cannot run yet, as data: each rule names what it covers and why.
// Everything not matched here runs, and a case that cannot pass fails the run.

export interface PendingRule {
  readonly reason: string;
  /** Fixture `call` values the rule covers. */
  readonly calls?: readonly string[];
  /** Fixture `category` values the rule covers. */
  readonly categories?: readonly string[];
}

// Every call type and every middleware category of the corpus runs; nothing is pending.
export const PENDING_RULES: readonly PendingRule[] = [];

/** The reason a case is pending, or undefined when it must run. */
export function findPendingReason(fixture: { readonly call: string; readonly category: string }): string | undefined {
  const rule = PENDING_RULES.find(
    (candidate) => candidate.calls?.includes(fixture.call) === true || candidate.categories?.includes(fixture.category) === true,
  );
  return rule?.reason;
}
