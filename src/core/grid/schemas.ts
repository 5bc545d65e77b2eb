// zod schemas of each provider's answers (shapes in ../shared/docs/grid-apis.md). Parsed leniently (unknown keys are
// dropped), validated strictly where we read, so a changed API is a clear "invalid-response", never a crash.
import { z } from "zod";
import { GridError } from "./types";

const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date-time");

// UK Carbon Intensity API (api.carbonintensity.org.uk): half-hour slots, gCO2/kWh.
const ukSlot = z.object({
  from: timestamp,
  to: timestamp,
  intensity: z.object({
    forecast: z.number().nullish(),
    actual: z.number().nullish(),
    index: z.string().nullish(),
  }),
});
export type UkSlot = z.infer<typeof ukSlot>;

export const ukNationalSchema = z.object({ data: z.array(ukSlot) });

const ukRegion = z.object({
  regionid: z.number(),
  shortname: z.string().optional(),
  dnoregion: z.string().optional(),
  postcode: z.string().optional(),
  data: z.array(ukSlot),
});
export type UkRegion = z.infer<typeof ukRegion>;

/** Regional answers hold `data` as an array of regions, or (forecast endpoints) a single region object. */
export const ukRegionalSchema = z.object({ data: z.union([z.array(ukRegion), ukRegion]) });

// Electricity Maps API v3: gCO2eq/kWh, hourly.
export const electricityMapsLatestSchema = z.object({
  zone: z.string(),
  carbonIntensity: z.number().nullable(),
  datetime: timestamp,
  updatedAt: timestamp.optional(),
  isEstimated: z.boolean().nullish(),
  emissionFactorType: z.string().nullish(),
});

export const electricityMapsForecastSchema = z.object({
  zone: z.string(),
  forecast: z.array(z.object({ carbonIntensity: z.number().nullable(), datetime: timestamp })),
  updatedAt: timestamp.optional(),
});
export type ElectricityMapsForecast = z.infer<typeof electricityMapsForecastSchema>;

// WattTime API v3: MOER in lbs/MWh (forecast), or a percentile (signal-index).
export const wattTimeLoginSchema = z.object({ token: z.string().min(1) });

const wattTimeMeta = z.object({
  region: z.string().optional(),
  signal_type: z.string().optional(),
  units: z.string(),
  data_point_period_seconds: z.number().positive().optional(),
  generated_at: timestamp.optional(),
});

export const wattTimeDataSchema = z.object({
  data: z.array(z.object({ point_time: timestamp, value: z.number() })),
  meta: wattTimeMeta,
});
export type WattTimeData = z.infer<typeof wattTimeDataSchema>;

// Carbon Aware SDK WebAPI: gCO2/kWh; `optimalDataPoints` (plural) or `optimalDataPoint` (singular) in the wild.
const sdkPoint = z.object({
  location: z.string().optional(),
  timestamp: timestamp,
  duration: z.number().nonnegative(),
  value: z.number(),
});
export type SdkPoint = z.infer<typeof sdkPoint>;

export const carbonAwareForecastSchema = z.array(
  z.object({
    generatedAt: timestamp.optional(),
    location: z.string().optional(),
    dataStartAt: timestamp.optional(),
    dataEndAt: timestamp.optional(),
    windowSize: z.number().optional(),
    optimalDataPoints: z.array(sdkPoint).nullish(),
    optimalDataPoint: sdkPoint.nullish(),
    forecastData: z.array(sdkPoint),
  }),
);

/** JSON.parse then validate; any failure is a GridError("invalid-response") that says what was wrong. */
export function parseJsonWith<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GridError("invalid-response", `${what}: the answer is not JSON (${describeText(text)})`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
      .join("; ");
    throw new GridError("invalid-response", `${what}: unexpected answer shape: ${issues}`);
  }
  return result.data;
}

function describeText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "empty body";
  if (/^<(!doctype|html)/i.test(trimmed)) return "an HTML page";
  return `starts with ${JSON.stringify(trimmed.slice(0, 40))}${trimmed.length > 40 ? "…" : ""}`;
}

// Coal, the dirtiest source, emits 740–910 gCO2eq/kWh over its life cycle (IPCC AR5 WG3 Annex III, Table A.III.2), so
// no grid averages much above 1,000; 2,500 leaves room for marginal rates yet catches a unit mix-up (lbs/MWh, mg).
export const MAX_PLAUSIBLE_GCO2_PER_KWH = 2500;

/** Rejects negative, non-finite or implausibly large intensities (a wrong unit), naming the provider. */
export function checkIntensity(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0 || value > MAX_PLAUSIBLE_GCO2_PER_KWH) {
    throw new GridError(
      "invalid-response",
      `${what}: ${value} gCO2/kWh is outside 0–${MAX_PLAUSIBLE_GCO2_PER_KWH}; the unit is probably wrong`,
    );
  }
  return value;
}
