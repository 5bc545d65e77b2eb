// Wires settings, credentials and the host's HTTP client into a GridService; bad settings never throw here, they
// become a provider that fails with a clear message, so the service falls back to the yearly average and says why.
import { GridService } from "./grid-service";
import { createOfflineService } from "./offline-service";
import type { HttpClient } from "./http";
import { CarbonAwareSdkProvider } from "./providers/carbon-aware-sdk";
import { ElectricityMapsProvider } from "./providers/electricity-maps";
import { UkCarbonIntensityProvider } from "./providers/uk-carbon-intensity";
import { WattTimeProvider } from "./providers/watttime";
import { ResilientClient, type Sleep } from "./resilient-client";
import { regionFromTimeZone } from "./time-zone-region";
import { GridError, type GridProvider, type ProviderId } from "./types";

export interface GridCredentials {
  electricityMapsToken?: string;
  wattTimeUsername?: string;
  wattTimePassword?: string;
}

export interface GridConfig {
  provider: ProviderId;
  /** Provider-specific: UK region id/postcode/national, an Electricity Maps zone, a WattTime region, an SDK location, or an offline country/region. */
  region?: string;
  /** Base URL override for the chosen provider. */
  endpoint?: string;
  /** The system's IANA time zone, for the default region. */
  timeZone?: string;
  credentials?: GridCredentials;
  maxStaleMs?: number;
}

export interface GridRuntime {
  http: HttpClient;
  now: () => number;
  sleep: Sleep;
  timeoutMs?: number;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface GridSetup {
  service: GridService;
  /** The HTTP wrapper, to clear its cache on a manual refresh; absent for the offline provider. */
  client?: ResilientClient;
  provider?: GridProvider;
  region: string;
}

/** Builds the service for a configuration; never throws. */
export function createGridService(config: GridConfig, runtime: GridRuntime): GridSetup {
  if (config.provider === "offline") return createOfflineService(config.region, config.timeZone, runtime.now);
  const fallback = regionFromTimeZone(config.timeZone);
  const notes: string[] = [];
  const region = config.region?.trim();
  const client = new ResilientClient(runtime.http, {
    now: runtime.now,
    sleep: runtime.sleep,
    timeoutMs: runtime.timeoutMs,
    retries: runtime.retries,
    baseDelayMs: runtime.baseDelayMs,
    maxDelayMs: runtime.maxDelayMs,
  });
  let chosenRegion = region ?? "";
  let provider: GridProvider;
  try {
    if (!chosenRegion) chosenRegion = defaultRegion(config.provider, fallback.region, notes, fallback.note);
    provider = buildProvider(config, client, runtime.now);
  } catch (err) {
    provider = new MisconfiguredProvider(config.provider, err instanceof Error ? err.message : String(err));
  }
  const service = new GridService({
    provider,
    region: chosenRegion,
    offlineRegion: fallback.region,
    now: runtime.now,
    maxStaleMs: config.maxStaleMs,
    notes,
  });
  return { service, client, provider, region: chosenRegion };
}

function defaultRegion(provider: ProviderId, timeZoneRegion: string, notes: string[], note: string): string {
  switch (provider) {
    case "uk":
      return "national";
    case "electricitymaps":
      // Electricity Maps zones are ISO alpha-2 codes for most countries.
      if (timeZoneRegion === "WORLD") throw new GridError("config", "Electricity Maps needs a zone (like DE): set a region");
      notes.push(`${note} (as an Electricity Maps zone)`);
      return timeZoneRegion;
    case "watttime":
      throw new GridError("config", "WattTime needs a region (like CAISO_NORTH): set a region");
    case "carbon-aware-sdk":
      throw new GridError("config", "the Carbon Aware SDK needs a location (like eastus): set a region");
    default:
      return timeZoneRegion;
  }
}

function buildProvider(config: GridConfig, client: ResilientClient, now: () => number): GridProvider {
  const credentials = config.credentials ?? {};
  switch (config.provider) {
    case "uk":
      return new UkCarbonIntensityProvider({ client, now, endpoint: config.endpoint });
    case "electricitymaps":
      return new ElectricityMapsProvider({ client, now, endpoint: config.endpoint, token: credentials.electricityMapsToken });
    case "watttime":
      return new WattTimeProvider({
        client,
        now,
        endpoint: config.endpoint,
        username: credentials.wattTimeUsername,
        password: credentials.wattTimePassword,
      });
    case "carbon-aware-sdk":
      return new CarbonAwareSdkProvider({ client, now, endpoint: config.endpoint });
    default:
      throw new GridError("config", `unknown provider '${String(config.provider)}'`);
  }
}

/** Stands in for a provider whose settings are wrong, so the service reports the reason and falls back. */
class MisconfiguredProvider implements GridProvider {
  readonly resolutionMs = Infinity;
  constructor(
    readonly id: ProviderId,
    private readonly reason: string,
  ) {}
  async current(): Promise<never> {
    throw new GridError("config", this.reason);
  }
  async forecast(): Promise<never> {
    throw new GridError("config", this.reason);
  }
}
