import type { ConditionalPriceSet, PriceSet } from './pricing-table.js';

/**
 * The price set in force at `at`: for conditional prices, the last entry whose condition holds
 * (no condition, a `from` date reached, or `at` inside its daily UTC window), else the first.
 */
export function selectPriceSet(prices: PriceSet | readonly ConditionalPriceSet[], at: Date): PriceSet {
  if (!Array.isArray(prices)) return prices as PriceSet;
  const list = prices as readonly ConditionalPriceSet[];
  for (let index = list.length - 1; index >= 0; index -= 1) {
    const entry = list[index] as ConditionalPriceSet;
    if (entry.from === undefined && entry.utc === undefined) return entry.prices;
    if (entry.from !== undefined && at.getTime() >= Date.parse(`${entry.from}T00:00:00Z`)) return entry.prices;
    if (entry.utc !== undefined && insideDailyWindow(at, entry.utc[0], entry.utc[1])) return entry.prices;
  }
  return (list[0] as ConditionalPriceSet).prices;
}

function insideDailyWindow(at: Date, start: string, end: string): boolean {
  const seconds = at.getUTCHours() * 3600 + at.getUTCMinutes() * 60 + at.getUTCSeconds() + at.getUTCMilliseconds() / 1000;
  const from = secondsOfDay(start);
  const to = secondsOfDay(end);
  return to < from ? seconds >= from || seconds < to : seconds >= from && seconds < to;
}

/** `HH:MM:SS[.fff](Z|±HH:MM)` as seconds after UTC midnight. */
function secondsOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (match === null) throw new RangeError(`invalid time of day in the price table: ${time}`);
  const [, hours, minutes, secondsText, fraction = '', zone, sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const local = Number(hours) * 3600 + Number(minutes) * 60 + Number(secondsText) + Number(`0.${fraction}`);
  const offset = zone === 'Z' ? 0 : (sign === '+' ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60;
  return (local - offset + 86_400) % 86_400;
}
