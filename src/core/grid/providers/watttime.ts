// WattTime API v3 (account): login with Basic auth for a 30-minute bearer token; MOER forecast in lbs/MWh, 5-minute
// points; signal-index gives only a percentile. Conversion: 1 lb/MWh = 0.45359237 kg/MWh = 0.45359237 g/kWh.
import { base64Utf8 } from "../base64";
import { queryString, resolveEndpoint } from "../endpoint";
import type { ResilientClient } from "../resilient-client";
import { checkIntensity, parseJsonWith, wattTimeDataSchema, wattTimeLoginSchema, type WattTimeData } from "../schemas";
import { GridError, type GridProvider, type GridReading } from "../types";
import { MINUTE, readingAt, slotReading } from "./common";

export const WATTTIME_DEFAULT_ENDPOINT = "https://api.watttime.org";
/** Pounds to kilograms (international avoirdupois pound, exactly 0.45359237 kg): lbs/MWh × this = g/kWh. */
export const LBS_PER_MWH_TO_G_PER_KWH = 0.45359237;
const TOKEN_LIFETIME = 30 * MINUTE;
const TOKEN_MARGIN = 2 * MINUTE;

/** Factor from a WattTime `meta.units` to g/kWh; undefined for units that are not an emission rate. */
export function wattTimeUnitFactor(units: string): number | undefined {
  switch (units.toLowerCase()) {
    case "lbs_co2_per_mwh":
      return LBS_PER_MWH_TO_G_PER_KWH;
    case "kg_co2_per_mwh":
    case "g_co2_per_kwh":
      return 1;
    default:
      return undefined;
  }
}

export interface WattTimeOptions {
  client: ResilientClient;
  now: () => number;
  username: string | undefined;
  password: string | undefined;
  endpoint?: string;
  horizonHours?: number;
}

export class WattTimeProvider implements GridProvider {
  readonly id = "watttime" as const;
  readonly resolutionMs = 5 * MINUTE;
  private readonly base: string;
  private token: { value: string; expires: number } | undefined;
  private login: Promise<string> | undefined;

  constructor(private readonly options: WattTimeOptions) {
    this.base = resolveEndpoint(options.endpoint, WATTTIME_DEFAULT_ENDPOINT, true).base;
  }

  /** The current MOER: the forecast's point for now (WattTime's first forecast point is the present). */
  async current(region: string): Promise<GridReading> {
    let forecast: GridReading[];
    try {
      forecast = await this.forecast(region);
    } catch (err) {
      if (err instanceof GridError && err.kind === "no-forecast") {
        throw new GridError("auth", `WattTime: ${err.message}; the signal index alone is a percentile, not gCO2/kWh`);
      }
      throw err;
    }
    const now = this.options.now();
    const point = readingAt(forecast, now);
    if (!point) throw new GridError("no-forecast", `WattTime: no point for ${region}`);
    const percentile = await this.signalIndex(region).catch(() => undefined);
    return { ...point, at: now, index: percentile === undefined ? undefined : `percentile ${Math.round(percentile)}` };
  }

  async forecast(region: string): Promise<GridReading[]> {
    const what = "WattTime forecast";
    const query = queryString({ region: this.region(region), signal_type: "co2_moer", horizon_hours: this.options.horizonHours ?? 24 });
    let body;
    try {
      body = await this.authorizedGet(`/v3/forecast${query}`, (text) => parseJsonWith(text, wattTimeDataSchema, what), what);
    } catch (err) {
      // Forecasts need a subscription outside CAISO_NORTH: a 403 there means "no forecast on this plan".
      if (err instanceof GridError && err.kind === "auth" && err.status === 403) throw new GridError("no-forecast", `${what}: this account has no forecast for ${region}`);
      throw err;
    }
    const now = this.options.now();
    const readings = wattTimeForecastReadings(body, region, what).filter((r) => (r.end ?? r.at) > now);
    if (readings.length === 0) throw new GridError("no-forecast", `${what}: the forecast for ${region} is empty`);
    return readings;
  }

  /** The signal index, a percentile 0–100 of the region's recent MOER (not an intensity). */
  async signalIndex(region: string): Promise<number> {
    const what = "WattTime signal index";
    const query = queryString({ region: this.region(region), signal_type: "co2_moer" });
    const body = await this.authorizedGet(`/v3/signal-index${query}`, (text) => parseJsonWith(text, wattTimeDataSchema, what), what);
    const value = body.data[0]?.value;
    if (value === undefined || body.meta.units !== "percentile") throw new GridError("invalid-response", `${what}: no percentile`);
    return value;
  }

  private region(region: string): string {
    const value = region.trim();
    if (!/^[A-Za-z0-9_]+$/.test(value)) throw new GridError("bad-region", `'${region}' is not a WattTime region (like CAISO_NORTH)`);
    return value;
  }

  private async authorizedGet<T>(path: string, parse: (text: string) => T, what: string): Promise<T> {
    const token = await this.bearer();
    try {
      return await this.dataGet(path, token, parse, what);
    } catch (err) {
      // A token revoked early: log in once more, then give up.
      if (err instanceof GridError && err.kind === "auth" && err.status === 401) {
        this.token = undefined;
        return this.dataGet(path, await this.bearer(), parse, what);
      }
      throw err;
    }
  }

  private dataGet<T>(path: string, token: string, parse: (text: string) => T, what: string): Promise<T> {
    return this.options.client.getJson({
      url: `${this.base}${path}`,
      headers: { authorization: `Bearer ${token}` },
      ttlMs: this.resolutionMs,
      parse,
      what,
      secrets: this.secrets(token),
    });
  }

  private async bearer(): Promise<string> {
    const now = this.options.now();
    if (this.token && now < this.token.expires) return this.token.value;
    this.login ??= this.fetchToken().finally(() => {
      this.login = undefined;
    });
    return this.login;
  }

  private async fetchToken(): Promise<string> {
    const { username, password } = this.options;
    if (!username || !password) {
      throw new GridError("config", "WattTime needs an account: set GREENLIGHT_WATTTIME_USERNAME and GREENLIGHT_WATTTIME_PASSWORD or use 'Greenlight: Set Grid Key'");
    }
    const what = "WattTime login";
    const body = await this.options.client.getJson({
      url: `${this.base}/login`,
      headers: { authorization: `Basic ${base64Utf8(`${username}:${password}`)}` },
      ttlMs: 0,
      parse: (text) => parseJsonWith(text, wattTimeLoginSchema, what),
      what,
      secrets: this.secrets(),
    });
    // Tokens last 30 minutes (WattTime docs); renew a little early so a request never carries an expired one.
    this.token = { value: body.token, expires: this.options.now() + TOKEN_LIFETIME - TOKEN_MARGIN };
    return body.token;
  }

  private secrets(token?: string): string[] {
    const { username, password } = this.options;
    const list = [password, token, username && password ? base64Utf8(`${username}:${password}`) : undefined];
    return list.filter((s): s is string => !!s);
  }
}

/** A WattTime MOER forecast answer as readings in gCO2/kWh, one per point (past ones too). */
export function wattTimeForecastReadings(body: WattTimeData, region: string, what: string): GridReading[] {
  const factor = wattTimeUnitFactor(body.meta.units);
  if (factor === undefined) throw new GridError("invalid-response", `${what}: units '${body.meta.units}' are not an emission rate (expected lbs_co2_per_mwh)`);
  const period = (body.meta.data_point_period_seconds ?? 300) * 1000;
  return body.data
    .map((p) => ({ at: Date.parse(p.point_time), value: checkIntensity(p.value * factor, what) }))
    .sort((a, b) => a.at - b.at)
    .map((p) => slotReading("watttime", body.meta.region ?? region, p.at, p.at + period, p.value, "forecast"));
}
