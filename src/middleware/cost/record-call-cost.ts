import type { Usage } from '../../../generated/types/index.js';
import type { CallInfoRecord } from '../../call/call-info.js';
import type { CostCalculator } from './create-cost-calculator.js';

/**
 * Sets `info.costUsd` for a finished call: 0 for a cache hit; else the cost of `usage` on the
 * served provider and model. Never a silent 0: with no usage or no price it stays undefined and a
 * warning says why. `estimated` marks usage estimated from text rather than reported.
 */
export function recordCallCost(info: CallInfoRecord, calculator: CostCalculator, usage: Usage | undefined, estimated = false): void {
  if (info.cache === 'hit') {
    info.costUsd = 0;
    return;
  }
  if (usage === undefined) {
    info.costUsd = undefined;
    info.warnings.push(`costTracking: ${info.provider} reported no token usage; costUsd is unknown`);
    return;
  }
  const cost = calculator.costOf(info.provider, info.model, usage);
  info.costUsd = cost;
  if (cost === undefined) {
    info.warnings.push(`costTracking: no price known for ${info.provider}/${info.model}; costUsd is unknown (add it with costTracking.prices)`);
  } else if (estimated) {
    info.warnings.push('costTracking: the stream reported no usage; costUsd is estimated from the text sent and received');
  }
}
