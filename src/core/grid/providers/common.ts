// Small helpers shared by the live providers.
import type { GridReading, ProviderId, ReadingKind } from "../types";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** ISO 8601 UTC to the minute (2026-03-29T00:30Z), the form the UK API takes in paths. */
export function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + "Z";
}

/** Rounds down to a multiple of `stepMs`, so URLs built from "now" stay stable (and cacheable) within a slot. */
export function floorTo(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

export function slotReading(
  provider: ProviderId,
  region: string,
  start: number,
  end: number,
  gco2PerKwh: number,
  kind: ReadingKind,
  index?: string,
): GridReading {
  const reading: GridReading = { provider, region, gco2PerKwh, at: start, kind, start, end };
  if (index) reading.index = index;
  return reading;
}

/** The reading whose slot holds `now`, else the first one starting after it, else the last one. */
export function readingAt(readings: readonly GridReading[], now: number): GridReading | undefined {
  return (
    readings.find((r) => (r.start ?? r.at) <= now && now < (r.end ?? r.at)) ??
    readings.find((r) => (r.start ?? r.at) > now) ??
    readings[readings.length - 1]
  );
}
