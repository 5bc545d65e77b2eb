// Provider-neutral readings of grid carbon intensity. Times are epoch milliseconds, UTC.

export type ProviderId = "uk" | "electricitymaps" | "watttime" | "carbon-aware-sdk" | "offline";

export const PROVIDER_IDS: readonly ProviderId[] = ["uk", "electricitymaps", "watttime", "carbon-aware-sdk", "offline"];

/** measured: the grid's value now (or its latest estimate); forecast: a prediction; average: a yearly mean. */
export type ReadingKind = "measured" | "forecast" | "average";

/** One carbon-intensity figure in gCO2(eq)/kWh, for a region and a time slot. */
export interface GridReading {
  provider: ProviderId;
  region: string;
  gco2PerKwh: number;
  /** When the figure applies (the slot's start for slotted data, the measurement time otherwise). */
  at: number;
  kind: ReadingKind;
  /** The slot the figure covers, when the provider gives one. */
  start?: number;
  end?: number;
  /** Where the figure comes from, for yearly averages (table and year). */
  source?: string;
  /** The provider's own level label (UK "moderate", WattTime "percentile 96"), when it gives one. */
  index?: string;
}

/** A forecast interval with a constant intensity; the greenest-window search works on these. */
export interface ForecastSlot {
  start: number;
  end: number;
  gco2PerKwh: number;
}

/** What a provider answers: the current value, and the forecast when it has one. */
export interface GridProvider {
  readonly id: ProviderId;
  /** How often the provider's data changes; the cache keeps answers this long. */
  readonly resolutionMs: number;
  current(region: string): Promise<GridReading>;
  /** Slots ahead; throws GridError("no-forecast") when the provider or plan has none. */
  forecast(region: string): Promise<GridReading[]>;
  /** The offline table's key for this provider's region (UK → GB), used when falling back to yearly averages. */
  fallbackRegion?(region: string): string | undefined;
}

export type GridErrorKind =
  | "network"
  | "timeout"
  | "http"
  | "rate-limited"
  | "auth"
  | "invalid-response"
  | "no-forecast"
  | "bad-region"
  | "config";

/** Every failure of a provider, with a kind the service can act on and a message safe to show (no secrets). */
export class GridError extends Error {
  constructor(
    readonly kind: GridErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "GridError";
  }
}

/** Turns a reading's slot (or its instant) into a forecast slot of at least `fallbackMs`. */
export function toSlot(reading: GridReading, fallbackMs: number): ForecastSlot {
  const start = reading.start ?? reading.at;
  const end = reading.end ?? start + fallbackMs;
  return { start, end, gco2PerKwh: reading.gco2PerKwh };
}
