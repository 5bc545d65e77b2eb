// Levels for colouring and the trend arrow. These bands are Greenlight's convention, not a published scale: they
// put the world average (475 gCO2/kWh, Green Algorithms' WORLD row) in "high" and a mostly hydro, nuclear or wind
// grid (under 100) in "low", close to the spread of the country table in data/grid.
import type { GridReading } from "./types";

export type IntensityLevel = "low" | "moderate" | "high" | "very high";

export const LEVEL_BANDS: readonly { level: IntensityLevel; below: number }[] = [
  { level: "low", below: 100 },
  { level: "moderate", below: 300 },
  { level: "high", below: 600 },
  { level: "very high", below: Infinity },
];

/** The level band an intensity falls in. */
export function levelOf(gco2PerKwh: number): IntensityLevel {
  return (LEVEL_BANDS.find((band) => gco2PerKwh < band.below) ?? LEVEL_BANDS[LEVEL_BANDS.length - 1]).level;
}

export type Trend = "rising" | "falling" | "steady" | "unknown";

/** Compares now with the average of the next `horizonMs` of forecast; a change under 5% is steady. */
export function trendOf(current: GridReading, forecast: readonly GridReading[], now: number, horizonMs = 3 * 3_600_000): Trend {
  const ahead = forecast.filter((r) => (r.start ?? r.at) > now && (r.start ?? r.at) <= now + horizonMs);
  if (ahead.length === 0 || current.gco2PerKwh <= 0) return "unknown";
  const mean = ahead.reduce((sum, r) => sum + r.gco2PerKwh, 0) / ahead.length;
  const change = (mean - current.gco2PerKwh) / current.gco2PerKwh;
  if (change > 0.05) return "rising";
  if (change < -0.05) return "falling";
  return "steady";
}
