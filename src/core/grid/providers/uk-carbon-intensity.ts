// UK Carbon Intensity API (NESO, no key, CC BY 4.0): national or regional, half-hour slots, 48 h forecast.
import { resolveEndpoint } from "../endpoint";
import type { ResilientClient } from "../resilient-client";
import { checkIntensity, parseJsonWith, ukNationalSchema, ukRegionalSchema, type UkRegion, type UkSlot } from "../schemas";
import { GridError, type GridProvider, type GridReading } from "../types";
import { HOUR, MINUTE, floorTo, isoMinute, slotReading } from "./common";

export const UK_DEFAULT_ENDPOINT = "https://api.carbonintensity.org.uk";
const SLOT = 30 * MINUTE;

type UkArea = { kind: "national" } | { kind: "regionid"; id: number } | { kind: "postcode"; outward: string };

/** "national" (or empty), a region id 1–17, or an outward postcode (RG10, SW1A); anything else is a clear error. */
export function parseUkRegion(region: string): UkArea {
  const value = region.trim().toUpperCase();
  if (!value || value === "NATIONAL" || value === "GB" || value === "GBR") return { kind: "national" };
  if (/^\d{1,2}$/.test(value)) {
    const id = Number(value);
    if (id >= 1 && id <= 17) return { kind: "regionid", id };
    throw new GridError("bad-region", `UK region ids run from 1 to 17, not ${id}`);
  }
  // Outward code: area letters, district digit(s), optional letter (BS 7666); a full postcode keeps its first half.
  const outward = value.split(/\s+/)[0];
  if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(outward)) return { kind: "postcode", outward };
  throw new GridError("bad-region", `'${region}' is not a UK region: use national, a region id 1-17 or an outward postcode like RG10`);
}

export interface UkProviderOptions {
  client: ResilientClient;
  now: () => number;
  endpoint?: string;
}

export class UkCarbonIntensityProvider implements GridProvider {
  readonly id = "uk" as const;
  readonly resolutionMs = SLOT;
  private readonly base: string;

  constructor(private readonly options: UkProviderOptions) {
    this.base = resolveEndpoint(options.endpoint, UK_DEFAULT_ENDPOINT, false).base;
  }

  fallbackRegion(): string {
    return "GB";
  }

  async current(region: string): Promise<GridReading> {
    const area = parseUkRegion(region);
    const label = labelOf(area);
    if (area.kind === "national") {
      const body = await this.get(`${this.base}/intensity`, ukNationalSchema, "UK Carbon Intensity current");
      const slot = body.data[0];
      if (!slot) throw new GridError("invalid-response", "UK Carbon Intensity current: the answer has no slot");
      return ukSlotReading(slot, label, true);
    }
    const path = area.kind === "regionid" ? `regionid/${area.id}` : `postcode/${area.outward}`;
    const body = await this.get(`${this.base}/regional/${path}`, ukRegionalSchema, "UK Carbon Intensity regional");
    const slot = firstUkRegion(body.data)?.data[0];
    if (!slot) throw new GridError("invalid-response", `UK Carbon Intensity regional: no slot for ${label}`);
    return ukSlotReading(slot, label, false);
  }

  async forecast(region: string): Promise<GridReading[]> {
    const area = parseUkRegion(region);
    const label = labelOf(area);
    const from = isoMinute(floorTo(this.options.now(), SLOT));
    let slots: UkSlot[];
    if (area.kind === "national") {
      slots = (await this.get(`${this.base}/intensity/${from}/fw48h`, ukNationalSchema, "UK Carbon Intensity forecast")).data;
    } else {
      const path = area.kind === "regionid" ? `regionid/${area.id}` : `postcode/${area.outward}`;
      const body = await this.get(`${this.base}/regional/intensity/${from}/fw48h/${path}`, ukRegionalSchema, "UK Carbon Intensity regional forecast");
      slots = firstUkRegion(body.data)?.data ?? [];
    }
    const now = this.options.now();
    const readings = ukForecastReadings(slots, label).filter((reading) => (reading.end ?? reading.at) > now);
    if (readings.length === 0) throw new GridError("no-forecast", `UK Carbon Intensity: the forecast for ${label} is empty`);
    return readings;
  }

  private get<T>(url: string, schema: Parameters<typeof parseJsonWith<T>>[1], what: string): Promise<T> {
    return this.options.client.getJson({ url, ttlMs: this.resolutionMs, what, parse: (text) => parseJsonWith(text, schema, what) });
  }
}

function labelOf(area: UkArea): string {
  if (area.kind === "national") return "GB";
  return area.kind === "regionid" ? `GB region ${area.id}` : `GB ${area.outward}`;
}

/** A regional answer's area: `data` is an array of regions, or (forecast endpoints) one region. */
export function firstUkRegion(data: UkRegion[] | UkRegion): UkRegion | undefined {
  return Array.isArray(data) ? data[0] : data;
}

/** One UK slot as a reading: the forecast, or the actual where `preferActual` and the slot has one. */
export function ukSlotReading(slot: UkSlot, label: string, preferActual: boolean): GridReading {
  const actual = slot.intensity.actual;
  const forecast = slot.intensity.forecast;
  const value = preferActual && actual != null ? actual : (forecast ?? actual);
  if (value == null) throw new GridError("invalid-response", `UK Carbon Intensity: slot ${slot.from} has no value`);
  const start = Date.parse(slot.from);
  const end = Date.parse(slot.to);
  if (!(end > start) || end - start > 6 * HOUR) throw new GridError("invalid-response", `UK Carbon Intensity: bad slot ${slot.from}–${slot.to}`);
  const kind = preferActual && actual != null ? "measured" : "forecast";
  return slotReading("uk", label, start, end, checkIntensity(value, "UK Carbon Intensity"), kind, slot.intensity.index ?? undefined);
}

/** The slots of a UK forecast answer that hold a value, as forecast readings (all of them, past ones too). */
export function ukForecastReadings(slots: readonly UkSlot[], label: string): GridReading[] {
  return slots.filter((slot) => slot.intensity.forecast != null || slot.intensity.actual != null).map((slot) => ukSlotReading(slot, label, false));
}
