// Provider answers shaped like the real ones (docs/grid-apis.md), built around a given "now".
const MINUTE = 60_000;

export const ukTime = (ms: number) => new Date(ms).toISOString().slice(0, 16) + "Z";
const ukIndex = (v: number) => (v < 40 ? "very low" : v < 120 ? "low" : v < 200 ? "moderate" : v < 290 ? "high" : "very high");

/** Half-hour UK slots from `start`, one per value; `actual` only on slots that have begun before `now`. */
export function ukSlots(start: number, values: number[], now: number) {
  return values.map((value, i) => {
    const from = start + i * 30 * MINUTE;
    return {
      from: ukTime(from),
      to: ukTime(from + 30 * MINUTE),
      intensity: { forecast: value, actual: from <= now ? value + 3 : null, index: ukIndex(value) },
    };
  });
}

export function ukRegional(regionid: number, slots: unknown[], asObject: boolean) {
  const region = {
    regionid,
    dnoregion: "SSE South",
    shortname: "South England",
    postcode: "RG10",
    data: (slots as Record<string, unknown>[]).map((s) => ({
      ...s,
      intensity: { forecast: (s.intensity as { forecast: number }).forecast, index: "moderate" },
      generationmix: [{ fuel: "gas", perc: 43.6 }, { fuel: "wind", perc: 30.1 }],
    })),
  };
  return { data: asObject ? region : [region] };
}

export function emLatest(zone: string, value: number | null, at: number) {
  return {
    zone,
    carbonIntensity: value,
    datetime: new Date(at).toISOString(),
    updatedAt: new Date(at + 60_000).toISOString(),
    createdAt: new Date(at - 86_400_000).toISOString(),
    emissionFactorType: "lifecycle",
    isEstimated: true,
    estimationMethod: "TIME_SLICER_AVERAGE",
  };
}

export function emForecast(zone: string, start: number, values: number[]) {
  return {
    zone,
    forecast: values.map((v, i) => ({ carbonIntensity: v, datetime: new Date(start + i * 60 * MINUTE).toISOString().replace("Z", "+00:00") })),
    updatedAt: new Date(start).toISOString(),
  };
}

export function wattTimeForecast(region: string, start: number, valuesLbs: number[], units = "lbs_co2_per_mwh") {
  return {
    data: valuesLbs.map((v, i) => ({ point_time: new Date(start + i * 5 * MINUTE).toISOString().replace(".000Z", "+00:00"), value: v })),
    meta: { region, signal_type: "co2_moer", units, generated_at: new Date(start).toISOString(), data_point_period_seconds: 300, model: { date: "2023-03-01" } },
  };
}

export function wattTimeIndex(region: string, at: number, percentile: number) {
  return {
    data: [{ point_time: new Date(at).toISOString(), value: percentile }],
    meta: { data_point_period_seconds: 300, region, signal_type: "co2_moer", units: "percentile", warnings: [], model: { date: "2022-10-01" } },
  };
}

export function sdkForecast(location: string, start: number, values: number[], optimal: "plural" | "singular" | "none", durationMinutes = 30) {
  const points = values.map((v, i) => ({ location, timestamp: new Date(start + i * durationMinutes * MINUTE).toISOString(), duration: durationMinutes, value: v }));
  const best = points.reduce((a, b) => (b.value < a.value ? b : a));
  const entry: Record<string, unknown> = {
    generatedAt: new Date(start).toISOString(),
    location,
    dataStartAt: new Date(start).toISOString(),
    dataEndAt: new Date(start + values.length * durationMinutes * MINUTE).toISOString(),
    windowSize: durationMinutes,
    forecastData: points,
  };
  if (optimal === "plural") entry.optimalDataPoints = [best];
  if (optimal === "singular") entry.optimalDataPoint = best;
  return [entry];
}
