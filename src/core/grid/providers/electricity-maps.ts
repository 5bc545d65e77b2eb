// Electricity Maps API v3 (token): latest and forecast by zone, hourly, gCO2eq/kWh (lifecycle by default).
import { queryString, resolveEndpoint } from "../endpoint";
import type { ResilientClient } from "../resilient-client";
import { checkIntensity, electricityMapsForecastSchema, electricityMapsLatestSchema, parseJsonWith, type ElectricityMapsForecast } from "../schemas";
import { GridError, type GridProvider, type GridReading } from "../types";
import { HOUR, slotReading } from "./common";

export const ELECTRICITY_MAPS_DEFAULT_ENDPOINT = "https://api.electricitymap.org/v3";

export interface ElectricityMapsOptions {
  client: ResilientClient;
  now: () => number;
  token: string | undefined;
  endpoint?: string;
  horizonHours?: number;
}

export class ElectricityMapsProvider implements GridProvider {
  readonly id = "electricitymaps" as const;
  readonly resolutionMs = HOUR;
  private readonly base: string;

  constructor(private readonly options: ElectricityMapsOptions) {
    this.base = resolveEndpoint(options.endpoint, ELECTRICITY_MAPS_DEFAULT_ENDPOINT, true).base;
  }

  fallbackRegion(region: string): string {
    return region;
  }

  async current(region: string): Promise<GridReading> {
    const zone = this.zone(region);
    const what = "Electricity Maps latest";
    const body = await this.get(`/carbon-intensity/latest${this.query(zone)}`, (text) => parseJsonWith(text, electricityMapsLatestSchema, what), what);
    if (body.carbonIntensity === null) throw new GridError("invalid-response", `${what}: no value for zone ${zone}`);
    const at = Date.parse(body.datetime);
    const reading = slotReading("electricitymaps", body.zone, at, at + HOUR, checkIntensity(body.carbonIntensity, what), "measured");
    if (body.isEstimated) reading.index = "estimated";
    return reading;
  }

  async forecast(region: string): Promise<GridReading[]> {
    const zone = this.zone(region);
    const what = "Electricity Maps forecast";
    let body;
    try {
      const query = this.query(zone, { horizonHours: this.options.horizonHours ?? 24 });
      body = await this.get(`/carbon-intensity/forecast${query}`, (text) => parseJsonWith(text, electricityMapsForecastSchema, what), what);
    } catch (err) {
      // The free tier answers latest and history only; a refused forecast is "no forecast", not a broken provider.
      if (err instanceof GridError && err.kind === "auth") throw new GridError("no-forecast", `${what}: this token's plan has no forecast (${err.message})`);
      throw err;
    }
    const now = this.options.now();
    const readings = electricityMapsForecastReadings(body, what).filter((r) => (r.end ?? r.at) > now);
    if (readings.length === 0) throw new GridError("no-forecast", `${what}: the forecast for ${zone} is empty`);
    return readings;
  }

  private zone(region: string): string {
    const zone = region.trim();
    if (!/^[A-Za-z]{2}(-[A-Za-z0-9]+)*$/.test(zone)) {
      throw new GridError("bad-region", `'${region}' is not an Electricity Maps zone (like DE, GB, US-CAL-CISO)`);
    }
    return zone;
  }

  private query(zone: string, extra: Record<string, string | number> = {}): string {
    // Without this flag a missing zone is answered for the caller's IP location: an error is better than a guess.
    return queryString({ zone, ...extra, shouldUseFallbackCallerLookup: "false" });
  }

  private get<T>(path: string, parse: (text: string) => T, what: string): Promise<T> {
    const token = this.options.token;
    if (!token) throw new GridError("config", "Electricity Maps needs a token: set GREENLIGHT_ELECTRICITYMAPS_TOKEN or use 'Greenlight: Set Grid Key'");
    return this.options.client.getJson({
      url: `${this.base}${path}`,
      headers: { "auth-token": token },
      ttlMs: this.resolutionMs,
      parse,
      what,
      secrets: [token],
    });
  }
}

/** An Electricity Maps forecast answer as hourly readings, each lasting until the next point (past ones too). */
export function electricityMapsForecastReadings(body: ElectricityMapsForecast, what: string): GridReading[] {
  const points = body.forecast
    .filter((p): p is { carbonIntensity: number; datetime: string } => p.carbonIntensity !== null)
    .map((p) => ({ at: Date.parse(p.datetime), value: checkIntensity(p.carbonIntensity, what) }))
    .sort((a, b) => a.at - b.at);
  return points.map((p, i) => slotReading("electricitymaps", body.zone, p.at, points[i + 1]?.at ?? p.at + HOUR, p.value, "forecast"));
}
