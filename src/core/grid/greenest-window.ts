// The greenest window: the start, between now and the deadline, that minimises the job's average intensity over
// forecast slots of any length (partial slots weighted by overlap). The average as a function of the start time is
// piecewise linear, changing slope only where the job's start or end crosses a slot boundary, so its minimum lies at
// such a point or at an end of the allowed range: those are the only candidates (cf. the Carbon Aware SDK's
// sliding-window search, which assumes equal slots; this handles mixed lengths and gaps).
import type { ForecastSlot } from "./types";

export interface WindowRequest {
  slots: readonly ForecastSlot[];
  now: number;
  durationMs: number;
  /** The job must have ended by this time. */
  deadline: number;
  /** The job's energy, when known, to state the saving in grams. */
  energyKwh?: number;
}

export interface WindowFound {
  found: true;
  start: number;
  end: number;
  averageGco2PerKwh: number;
  /** The average if the job started now; undefined when the forecast does not cover that window. */
  nowAverageGco2PerKwh?: number;
  savingPct?: number;
  savingGco2?: number;
  notes: string[];
}

export interface WindowNotFound {
  found: false;
  reason: string;
}

export type WindowResult = WindowFound | WindowNotFound;

const RELATIVE_TIE = 1e-9;

/** Cleans slots: drops bad ones, sorts by start, clips overlaps so each instant has one value. */
export function normaliseSlots(slots: readonly ForecastSlot[]): ForecastSlot[] {
  const valid = slots
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start && Number.isFinite(s.gco2PerKwh) && s.gco2PerKwh >= 0)
    .map((s) => ({ start: s.start, end: s.end, gco2PerKwh: s.gco2PerKwh }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: ForecastSlot[] = [];
  for (const slot of valid) {
    const previous = out[out.length - 1];
    if (previous && slot.start < previous.end) {
      if (slot.end <= previous.end) continue;
      slot.start = previous.end;
    }
    out.push(slot);
  }
  return out;
}

/** Average intensity over [start, start + duration] if the slots cover all of it, else undefined. */
export function averageOver(slots: readonly ForecastSlot[], start: number, durationMs: number): number | undefined {
  const end = start + durationMs;
  let covered = 0;
  let integral = 0;
  for (const slot of slots) {
    if (slot.end <= start) continue;
    if (slot.start >= end) break;
    const overlap = Math.min(slot.end, end) - Math.max(slot.start, start);
    covered += overlap;
    integral += overlap * slot.gco2PerKwh;
  }
  if (covered < durationMs - 1e-6) return undefined;
  return integral / durationMs;
}

/** Finds the greenest start for a job; says plainly when the forecast is missing or too short. */
export function findGreenestWindow(request: WindowRequest): WindowResult {
  const { now, durationMs, deadline } = request;
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) return { found: false, reason: "the job's duration must be a positive time" };
  if (!Number.isFinite(now) || !Number.isFinite(deadline)) return { found: false, reason: "now and the deadline must be times" };
  if (now + durationMs > deadline) return { found: false, reason: "the job does not fit between now and the deadline" };
  const slots = normaliseSlots(request.slots).filter((s) => s.end > now);
  if (slots.length === 0) return { found: false, reason: "there is no forecast: the greenest window cannot be found" };

  const latestStart = deadline - durationMs;
  const candidates = new Set<number>([now, latestStart]);
  for (const slot of slots) {
    for (const boundary of [slot.start, slot.end]) {
      candidates.add(boundary);
      candidates.add(boundary - durationMs);
    }
  }
  let best: { start: number; average: number } | undefined;
  for (const start of [...candidates].sort((a, b) => a - b)) {
    if (start < now || start > latestStart) continue;
    const average = averageOver(slots, start, durationMs);
    if (average === undefined) continue;
    // Strictly better only: on a tie the earlier start (visited first) stays.
    if (!best || average < best.average - RELATIVE_TIE * Math.max(1, best.average)) best = { start, average };
  }
  if (!best) {
    const horizon = slots[slots.length - 1].end;
    const reason =
      horizon < now + durationMs
        ? `the forecast reaches only ${formatHours(horizon - now)} ahead, shorter than the ${formatHours(durationMs)} job`
        : "the forecast has gaps: no fully forecast window fits before the deadline";
    return { found: false, reason };
  }
  const notes: string[] = [];
  const nowAverage = averageOver(slots, now, durationMs);
  const result: WindowFound = { found: true, start: best.start, end: best.start + durationMs, averageGco2PerKwh: best.average, notes };
  if (nowAverage === undefined) {
    notes.push("the forecast does not cover a start right now, so no saving against it is given");
  } else {
    result.nowAverageGco2PerKwh = nowAverage;
    result.savingPct = nowAverage > 0 ? ((nowAverage - best.average) / nowAverage) * 100 : 0;
    if (request.energyKwh !== undefined && request.energyKwh >= 0) result.savingGco2 = request.energyKwh * (nowAverage - best.average);
  }
  if (request.energyKwh === undefined) notes.push("the job's energy is unknown: the saving is given in percent only");
  return result;
}

function formatHours(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 1 ? `${Number(hours.toFixed(1))} h` : `${Math.round(ms / 60_000)} min`;
}
