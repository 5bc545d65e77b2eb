// The one thing callers ask: "what is the grid now, and ahead?". Always answers, with a state saying how much to
// trust it: live (just fetched), stale (the last good answer, with its age), or offline (the yearly average).
import { lookupOffline } from "./providers/offline";
import { readingAt } from "./providers/common";
import { GridError, type GridProvider, type GridReading, type ProviderId } from "./types";

export type GridState = "live" | "stale" | "offline";

export interface GridSnapshot {
  state: GridState;
  /** The provider asked (offline when none is configured). */
  provider: ProviderId;
  region: string;
  current: GridReading;
  /** Slots ahead, oldest first; empty when there is none, with `forecastNote` saying why. */
  forecast: GridReading[];
  forecastNote?: string;
  /** How old the figures are (stale state), in ms. */
  ageMs?: number;
  /** Why the answer is not live, safe to show. */
  error?: string;
  /** True when a configured live provider failed and the yearly average answered instead. */
  fellBack: boolean;
  notes: string[];
  /** When this snapshot was made. */
  at: number;
}

export interface GridServiceOptions {
  /** The live provider; undefined means the offline tables only. */
  provider?: GridProvider;
  region: string;
  /** The offline table's region to fall back to (a country code or WORLD). */
  offlineRegion: string;
  now: () => number;
  /** How long the last good answer is shown (as stale) before the yearly average replaces it. */
  maxStaleMs?: number;
  /** Notes to carry on every snapshot (where the region came from). */
  notes?: string[];
}

const DEFAULT_MAX_STALE_MS = 3 * 3_600_000;

interface GoodAnswer {
  current: GridReading;
  forecast: GridReading[];
  forecastNote?: string;
  fetchedAt: number;
}

/** Fetches current and forecast from a provider; never throws, degrading to stale then offline figures. */
export class GridService {
  private lastGood: GoodAnswer | undefined;
  private latest: GridSnapshot | undefined;
  private running: Promise<GridSnapshot> | undefined;

  constructor(private readonly options: GridServiceOptions) {}

  /** The latest snapshot without fetching (the offline figure before the first refresh). */
  snapshot(): GridSnapshot {
    return this.latest ?? this.offlineSnapshot(this.options.provider ? "not fetched yet" : undefined);
  }

  /** Fetches (or reuses the provider's cache) and returns a snapshot; concurrent calls share one refresh. */
  refresh(): Promise<GridSnapshot> {
    this.running ??= this.doRefresh().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async doRefresh(): Promise<GridSnapshot> {
    let snapshot: GridSnapshot;
    try {
      snapshot = await this.fetchSnapshot();
    } catch (err) {
      snapshot = this.degraded(messageOf(err));
    }
    this.latest = snapshot;
    return snapshot;
  }

  private async fetchSnapshot(): Promise<GridSnapshot> {
    const { provider, region } = this.options;
    if (!provider) return this.offlineSnapshot(undefined);
    const [current, forecast] = await Promise.allSettled([provider.current(region), provider.forecast(region)]);
    const now = this.options.now();
    let readings: GridReading[] = [];
    let forecastNote: string | undefined;
    if (forecast.status === "fulfilled") readings = forecast.value;
    else forecastNote = messageOf(forecast.reason);
    let reading: GridReading | undefined;
    if (current.status === "fulfilled") reading = current.value;
    else if (readings.length) reading = readingAt(readings, now);
    if (!reading) {
      const reason = current.status === "rejected" ? messageOf(current.reason) : "no current value";
      return this.degraded(reason);
    }
    this.lastGood = { current: reading, forecast: readings, forecastNote, fetchedAt: now };
    const notes = [...(this.options.notes ?? [])];
    if (current.status === "rejected") notes.push(`current value taken from the forecast: ${messageOf(current.reason)}`);
    return { state: "live", provider: provider.id, region, current: reading, forecast: readings, forecastNote, fellBack: false, notes, at: now };
  }

  private degraded(error: string): GridSnapshot {
    const now = this.options.now();
    const good = this.lastGood;
    if (good && now - good.fetchedAt <= (this.options.maxStaleMs ?? DEFAULT_MAX_STALE_MS) && now >= good.fetchedAt) {
      const forecast = good.forecast.filter((r) => (r.end ?? r.at) > now);
      return {
        state: "stale",
        provider: this.options.provider?.id ?? "offline",
        region: this.options.region,
        current: good.current,
        forecast,
        forecastNote: forecast.length ? undefined : (good.forecastNote ?? "the last forecast has run out"),
        ageMs: now - good.fetchedAt,
        error,
        fellBack: false,
        notes: [...(this.options.notes ?? [])],
        at: now,
      };
    }
    return this.offlineSnapshot(error);
  }

  private offlineSnapshot(error: string | undefined): GridSnapshot {
    const now = this.options.now();
    const { provider, region } = this.options;
    const candidates = [provider ? provider.fallbackRegion?.(region) : region, this.options.offlineRegion];
    const known = candidates.find((c): c is string => !!c && !lookupOffline(c).usedWorldFallback);
    const chosen = known ?? candidates.find((c): c is string => !!c) ?? "WORLD";
    const found = lookupOffline(chosen);
    const current: GridReading = {
      provider: "offline",
      region: found.region,
      gco2PerKwh: found.gco2PerKwh,
      at: now,
      kind: "average",
      source: found.source,
    };
    const notes = [...(this.options.notes ?? [])];
    if (found.usedWorldFallback) notes.push(`'${chosen}' is not in the offline tables: showing the world average`);
    const fellBack = !!provider;
    return {
      state: "offline",
      provider: provider?.id ?? "offline",
      region: provider ? region : found.region,
      current,
      forecast: [],
      forecastNote: "yearly averages only: there is no forecast offline",
      error,
      fellBack,
      notes,
      at: now,
    };
  }
}

function messageOf(err: unknown): string {
  if (err instanceof GridError) return err.message;
  if (err instanceof Error) return `unexpected error: ${err.message}`;
  return String(err);
}
