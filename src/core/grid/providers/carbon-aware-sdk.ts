// Carbon Aware SDK WebAPI (Green Software Foundation, self-hosted): forecasts with the SDK's own optimal window.
import { queryString, resolveEndpoint } from "../endpoint";
import type { ResilientClient } from "../resilient-client";
import { carbonAwareForecastSchema, checkIntensity, parseJsonWith, type SdkPoint } from "../schemas";
import { GridError, type GridProvider, type GridReading } from "../types";
import { HOUR, MINUTE, floorTo, readingAt, slotReading } from "./common";

export interface CarbonAwareSdkOptions {
  client: ResilientClient;
  now: () => number;
  /** Required: the SDK has no public instance. */
  endpoint: string | undefined;
  horizonHours?: number;
  /** The job length the SDK's optimal window is computed for, in minutes. */
  windowMinutes?: number;
}

export interface SdkForecast {
  forecast: GridReading[];
  /** The SDK's optimal window(s) for `windowMinutes` (it answers one point or several). */
  optimal: GridReading[];
}

export class CarbonAwareSdkProvider implements GridProvider {
  readonly id = "carbon-aware-sdk" as const;
  readonly resolutionMs = 5 * MINUTE;
  private readonly base: string;

  constructor(private readonly options: CarbonAwareSdkOptions) {
    if (!options.endpoint?.trim()) {
      throw new GridError("config", "the Carbon Aware SDK is self-hosted: set its endpoint (greenlight.grid.endpoints.carbonAwareSdk or --endpoint)");
    }
    this.base = resolveEndpoint(options.endpoint, "https://localhost", false).base;
  }

  async current(region: string): Promise<GridReading> {
    const { forecast } = await this.forecastWithOptimal(region);
    const point = readingAt(forecast, this.options.now());
    if (!point) throw new GridError("no-forecast", `Carbon Aware SDK: no point for ${region}`);
    return point;
  }

  async forecast(region: string): Promise<GridReading[]> {
    return (await this.forecastWithOptimal(region)).forecast;
  }

  async forecastWithOptimal(region: string): Promise<SdkForecast> {
    const location = region.trim();
    if (!/^[A-Za-z0-9_.-]+$/.test(location)) throw new GridError("bad-region", `'${region}' is not a Carbon Aware SDK location (like eastus)`);
    const what = "Carbon Aware SDK forecast";
    // Rounded to 5 minutes so the URL, the cache key, stays the same between refreshes.
    const start = floorTo(this.options.now(), 5 * MINUTE);
    const end = start + (this.options.horizonHours ?? 24) * HOUR;
    const query = queryString({
      location,
      dataStartAt: new Date(start).toISOString(),
      dataEndAt: new Date(end).toISOString(),
      windowSize: this.options.windowMinutes ?? 30,
    });
    const body = await this.options.client.getJson({
      url: `${this.base}/emissions/forecasts/current${query}`,
      ttlMs: this.resolutionMs,
      what,
      parse: (text) => parseJsonWith(text, carbonAwareForecastSchema, what),
    });
    const entry = body[0];
    const now = this.options.now();
    const toReading = (p: SdkPoint) => sdkPointReading(p, location, what);
    const forecast = carbonAwareForecastReadings(entry?.forecastData ?? [], location, what).filter((r) => (r.end ?? r.at) > now);
    if (forecast.length === 0) throw new GridError("no-forecast", `${what}: the forecast for ${location} is empty`);
    const optimalPoints = entry?.optimalDataPoints ?? (entry?.optimalDataPoint ? [entry.optimalDataPoint] : []);
    return { forecast, optimal: optimalPoints.map(toReading) };
  }
}

function sdkPointReading(p: SdkPoint, location: string, what: string): GridReading {
  const at = Date.parse(p.timestamp);
  return slotReading("carbon-aware-sdk", p.location ?? location, at, at + Math.max(1, p.duration) * MINUTE, checkIntensity(p.value, what), "forecast");
}

/** A Carbon Aware SDK forecast's data points as readings, sorted (past ones too). */
export function carbonAwareForecastReadings(points: readonly SdkPoint[], location: string, what: string): GridReading[] {
  return points.map((p) => sdkPointReading(p, location, what)).sort((a, b) => a.at - b.at);
}
