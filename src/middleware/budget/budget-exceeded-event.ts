/** What `onExceeded` receives when a budget is reached or passed. */
export interface BudgetExceededEvent {
  readonly mode: 'hard' | 'soft';
  /** `before`: the call's reservation does not fit (hard mode rejects it); `after`: its actual cost took spending past the limit. */
  readonly phase: 'before' | 'after';
  /** `global`, `model:<key>`, `provider:<id>` or `tag:<tag>`. */
  readonly scope: string;
  readonly limitUsd: number;
  /** Spent in the current period (after this call for `after`). */
  readonly spentUsd: number;
  /** Reserved by calls in flight, this one excluded (for `before`). */
  readonly reservedUsd: number;
  /** This call's reservation (`before`) or actual cost (`after`). */
  readonly requestUsd: number;
  readonly provider: string;
  readonly model: string;
  readonly tags: readonly string[];
}
