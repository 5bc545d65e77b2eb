// A forecast saved from a provider (its answer's JSON, kept as a file): read offline by the same schemas and
// conversions as the live providers, so `greenlight window --forecast FILE` searches a real answer without a network.
import { carbonAwareForecastReadings } from "./providers/carbon-aware-sdk";
import { electricityMapsForecastReadings } from "./providers/electricity-maps";
import { firstUkRegion, ukForecastReadings } from "./providers/uk-carbon-intensity";
import { wattTimeForecastReadings } from "./providers/watttime";
import { carbonAwareForecastSchema, electricityMapsForecastSchema, ukNationalSchema, ukRegionalSchema, wattTimeDataSchema } from "./schemas";
import { GridError, type GridReading, type ProviderId } from "./types";

export interface SavedForecast {
  provider: ProviderId;
  /** The provider's name, for labels. */
  providerName: string;
  region: string;
  /** Sorted by start; every reading has a slot (start and end). */
  readings: GridReading[];
}

const SHAPES = "a UK Carbon Intensity, Electricity Maps, WattTime or Carbon Aware SDK forecast answer";

/** Reads a saved forecast answer of any supported provider; a clear GridError for anything else. */
export function parseSavedForecast(text: string, what: string): SavedForecast {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GridError("invalid-response", `${what} is not JSON: expected ${SHAPES}`);
  }
  const found = readShape(data, what);
  if (!found) throw new GridError("invalid-response", `${what} is not ${SHAPES}`);
  const readings = found.readings.sort((a, b) => a.at - b.at);
  if (readings.length === 0) throw new GridError("no-forecast", `${what}: the forecast holds no value`);
  return { ...found, readings };
}

function readShape(data: unknown, what: string): SavedForecast | undefined {
  const ukNational = ukNationalSchema.safeParse(data);
  if (ukNational.success && ukNational.data.data.length) {
    return { provider: "uk", providerName: "UK Carbon Intensity API", region: "GB", readings: ukForecastReadings(ukNational.data.data, "GB") };
  }
  const ukRegional = ukRegionalSchema.safeParse(data);
  if (ukRegional.success) {
    const region = firstUkRegion(ukRegional.data.data);
    if (region) {
      const label = `GB region ${region.regionid}`;
      return { provider: "uk", providerName: "UK Carbon Intensity API (regional)", region: label, readings: ukForecastReadings(region.data, label) };
    }
  }
  const electricityMaps = electricityMapsForecastSchema.safeParse(data);
  if (electricityMaps.success) {
    return { provider: "electricitymaps", providerName: "Electricity Maps", region: electricityMaps.data.zone, readings: electricityMapsForecastReadings(electricityMaps.data, what) };
  }
  const wattTime = wattTimeDataSchema.safeParse(data);
  if (wattTime.success) {
    const region = wattTime.data.meta.region ?? "unknown region";
    return { provider: "watttime", providerName: "WattTime", region, readings: wattTimeForecastReadings(wattTime.data, region, what) };
  }
  const sdk = carbonAwareForecastSchema.safeParse(data);
  if (sdk.success && sdk.data[0]) {
    const entry = sdk.data[0];
    const location = entry.location ?? entry.forecastData[0]?.location ?? "unknown location";
    return { provider: "carbon-aware-sdk", providerName: "Carbon Aware SDK", region: location, readings: carbonAwareForecastReadings(entry.forecastData, location, what) };
  }
  return undefined;
}
