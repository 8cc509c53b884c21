const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Milliseconds of a duration such as `30s`, `15m`, `1h`, `7d`, `2w` (the config schema's pattern). */
export function parseDuration(text: string): number {
  const match = /^([1-9]\d*)([smhdw])$/.exec(text);
  if (match === null) throw new RangeError(`"${text}" is not a duration such as 30s, 15m, 1h, 7d or 2w`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
