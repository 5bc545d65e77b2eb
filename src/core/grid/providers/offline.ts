// Yearly averages from the embedded tables: the answer when nothing live is configured or reachable.
import {
  ALPHA2_TO_ALPHA3,
  COUNTRY_INTENSITY,
  COUNTRY_TABLE_SOURCE,
  REGION_INTENSITY,
  REGION_TABLE_SOURCE,
} from "../offline-tables";
import { GridError, type GridProvider, type GridReading } from "../types";

export interface OfflineLookup {
  /** The key the figure was found under (GBR, US-CA, WORLD). */
  region: string;
  name: string;
  gco2PerKwh: number;
  source: string;
  /** True when the region was unknown and the world average answered. */
  usedWorldFallback: boolean;
}

const YEAR = 365.25 * 24 * 3600 * 1000;

/** Looks a region up: alpha-3 or alpha-2 country (country table first, it is newer), the region table, then WORLD. */
export function lookupOffline(region: string): OfflineLookup {
  const key = region.trim().toUpperCase().replace(/_/g, "-");
  const byRegion = (location: string) => REGION_INTENSITY.find((row) => row.location.toUpperCase() === location);
  const country = (alpha3: string): OfflineLookup | undefined => {
    const row = COUNTRY_INTENSITY[alpha3];
    return row
      ? { region: alpha3, name: row.name, gco2PerKwh: row.gco2_per_kwh, source: `${COUNTRY_TABLE_SOURCE}, ${row.year}`, usedWorldFallback: false }
      : undefined;
  };
  const regional = (location: string): OfflineLookup | undefined => {
    const row = byRegion(location);
    if (!row) return undefined;
    const name = row.region && row.region !== "Any" ? `${row.region}, ${row.country}` : row.country;
    return { region: row.location, name, gco2PerKwh: row.gco2PerKwh, source: `${REGION_TABLE_SOURCE} (${row.source})`, usedWorldFallback: false };
  };
  if (key && key !== "WORLD") {
    const found =
      (key.length === 3 ? country(key) : undefined) ??
      (key.length === 2 && ALPHA2_TO_ALPHA3[key] ? country(ALPHA2_TO_ALPHA3[key]) : undefined) ??
      regional(key) ??
      // A zone like "US-CAL-CISO" or "DE-LU" falls back to its country prefix.
      (key.includes("-") ? lookupPrefix(key.split("-")[0], country, regional) : undefined);
    if (found) return found;
  }
  const world = regional("WORLD");
  if (!world) throw new GridError("config", "the embedded region table has no WORLD row");
  return { ...world, name: "World average", usedWorldFallback: key !== "WORLD" };
}

function lookupPrefix(
  prefix: string,
  country: (alpha3: string) => OfflineLookup | undefined,
  regional: (location: string) => OfflineLookup | undefined,
): OfflineLookup | undefined {
  if (prefix.length === 2 && ALPHA2_TO_ALPHA3[prefix]) return country(ALPHA2_TO_ALPHA3[prefix]) ?? regional(prefix);
  if (prefix.length === 3) return country(prefix);
  return undefined;
}

/** The offline provider: one yearly average, never a forecast. */
export class OfflineProvider implements GridProvider {
  readonly id = "offline" as const;
  readonly resolutionMs = YEAR;

  constructor(private readonly now: () => number) {}

  async current(region: string): Promise<GridReading> {
    return this.reading(region);
  }

  /** Synchronous form, for hosts that must answer without awaiting (status bar before the first fetch). */
  reading(region: string): GridReading {
    const found = lookupOffline(region);
    return {
      provider: "offline",
      region: found.region,
      gco2PerKwh: found.gco2PerKwh,
      at: this.now(),
      kind: "average",
      source: found.usedWorldFallback ? `${found.source}; '${region}' is not in the tables` : found.source,
    };
  }

  async forecast(): Promise<GridReading[]> {
    throw new GridError("no-forecast", "the embedded tables hold yearly averages only: there is no forecast offline");
  }
}
