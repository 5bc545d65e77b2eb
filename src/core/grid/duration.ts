// Durations as people type them: 3h, 90m, 1h30m, 2.5h, 1d, 45min, 30s.

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, min: 60_000, s: 1000 };

/** Parses a duration into milliseconds; throws an Error naming the accepted forms on anything else. */
export function parseDuration(text: string): number {
  const value = text.trim().toLowerCase();
  const pattern = /(\d+(?:\.\d+)?)\s*(min|d|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (const match of value.matchAll(pattern)) {
    total += Number(match[1]) * UNIT_MS[match[2]];
    consumed = (match.index ?? 0) + match[0].length;
  }
  if (!value || consumed !== value.length || !(total > 0) || !Number.isFinite(total)) {
    throw new Error(`'${text}' is not a duration: use forms like 3h, 90m, 1h30m, 2.5h or 1d`);
  }
  return total;
}
