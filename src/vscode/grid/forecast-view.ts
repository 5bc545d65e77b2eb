// What the report view and the status bar's tooltip show of a snapshot: slots, the greenest window, a note.
// Pure (no vscode import).
import type { GridSnapshot, GridState } from "../../core/grid/grid-service";
import { findGreenestWindow, type WindowResult } from "../../core/grid/greenest-window";
import { levelOf, trendOf, type IntensityLevel, type Trend } from "../../core/grid/levels";
import { formatIntensity } from "../../core/report/format";
import { toSlot, type ForecastSlot, type ReadingKind } from "../../core/grid/types";

/** Same shape as the report panel's GridForecastView (src/vscode/report-panel.ts). */
export interface ForecastView {
  region: string;
  provider: string;
  slots: ForecastSlot[];
  greenest?: { start: number; end: number; gco2PerKwh: number };
  note?: string;
  /** The current value, also when there is no forecast (offline average, free tiers); `state` says how fresh. */
  current: { gco2PerKwh: number; kind: ReadingKind; at: number; state: GridState; source?: string };
}

/** The next greenest window for a job of `durationMs` ending within `withinMs`. */
export function greenestFor(snapshot: GridSnapshot, now: number, durationMs: number, withinMs = 24 * 3_600_000, energyKwh?: number): WindowResult {
  if (snapshot.forecast.length === 0) {
    return { found: false, reason: `no forecast: ${snapshot.forecastNote ?? "the provider gave none"}` };
  }
  return findGreenestWindow({
    slots: snapshot.forecast.map((r) => toSlot(r, 30 * 60_000)),
    now,
    durationMs,
    deadline: now + Math.max(withinMs, durationMs),
    energyKwh,
  });
}

/** The report's forecast data for a snapshot. */
export function forecastView(snapshot: GridSnapshot, now: number, durationMs: number): ForecastView {
  const window = greenestFor(snapshot, now, durationMs);
  const view: ForecastView = {
    region: snapshot.current.region,
    provider: snapshot.current.provider,
    slots: snapshot.forecast.map((r) => toSlot(r, 30 * 60_000)),
    current: {
      gco2PerKwh: snapshot.current.gco2PerKwh,
      kind: snapshot.current.kind,
      at: snapshot.current.at,
      state: snapshot.state,
      ...(snapshot.current.source ? { source: snapshot.current.source } : {}),
    },
  };
  if (window.found) view.greenest = { start: window.start, end: window.end, gco2PerKwh: window.averageGco2PerKwh };
  const notes = [snapshot.state === "stale" ? `stale: ${Math.round((snapshot.ageMs ?? 0) / 60_000)} min old` : undefined, snapshot.error, window.found ? undefined : window.reason];
  const note = notes.filter(Boolean).join("; ");
  if (note) view.note = note;
  return view;
}

export interface StatusView {
  text: string;
  level: IntensityLevel;
  trend: Trend;
}

const TREND_ICON: Record<Trend, string> = { rising: "$(arrow-up)", falling: "$(arrow-down)", steady: "$(arrow-right)", unknown: "" };

/** The status-bar text: value, unit, trend arrow, and a marker when the value is stale or a yearly average. */
export function statusView(snapshot: GridSnapshot, now: number): StatusView {
  const value = snapshot.current.gco2PerKwh;
  const trend = trendOf(snapshot.current, snapshot.forecast, now);
  const marker = snapshot.state === "stale" ? " (stale)" : snapshot.current.kind === "average" ? " yearly avg" : "";
  const icon = snapshot.fellBack ? "$(cloud-offline)" : "$(pulse)";
  const text = `${icon} ${formatIntensity(value)}${marker}${TREND_ICON[trend] ? ` ${TREND_ICON[trend]}` : ""}`;
  return { text, level: levelOf(value), trend };
}

/** An HTTP status a provider answered with, in words (the status code kept for whoever looks it up). */
const HTTP_WORDS: [RegExp, string][] = [
  [/HTTP (5\d\d) from ([\w.-]+(?::\d+)?)/, "$2 had an error on its side (HTTP $1)"],
  [/HTTP 429 from ([\w.-]+(?::\d+)?)/, "$1 asked to be called less often (HTTP 429)"],
  [/HTTP 404 from ([\w.-]+(?::\d+)?)/, "$1 does not know this address (HTTP 404)"],
];

/** A provider's error with any HTTP status explained in words. */
export function plainGridError(error: string): string {
  for (const [pattern, words] of HTTP_WORDS) if (pattern.test(error)) return error.replace(pattern, words);
  return error;
}

/** The local clock time of a moment, like 14:05. */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * For a stale snapshot (the provider failed after a good reading): that the value shown is the last live one, since
 * when, and why the provider gives no newer one, in plain words; undefined for a live or offline snapshot.
 */
export function staleExplanation(snapshot: GridSnapshot, provider: string): string | undefined {
  if (snapshot.state !== "stale") return undefined;
  const since = snapshot.at - (snapshot.ageMs ?? 0);
  const minutes = Math.round((snapshot.ageMs ?? 0) / 60_000);
  const why = snapshot.error ? `: ${plainGridError(snapshot.error)}` : "";
  return `Stale: this is the last live reading, from ${clockTime(since)} (${minutes} min ago). ${provider} has not answered since${why}. It is shown until a new reading comes, for up to 3 hours, then the yearly average replaces it.`;
}
