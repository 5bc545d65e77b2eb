// The `greenlight.grid.*` settings, read with the core's schemas; a bad value falls back to its default with a message.
// Pure (no vscode import) so it is unit-tested; the extension hands in a reader.
import { defaultSettings, settingsSchema, type Settings } from "../../core/config";
import { PROVIDER_IDS, type ProviderId } from "../../core/grid/types";

export type EndpointKey = "uk" | "electricityMaps" | "wattTime" | "carbonAwareSdk";

/** The endpoint setting's key for each live provider. */
export const ENDPOINT_KEY: Record<Exclude<ProviderId, "offline">, EndpointKey> = {
  uk: "uk",
  electricitymaps: "electricityMaps",
  watttime: "wattTime",
  "carbon-aware-sdk": "carbonAwareSdk",
};

/** The grid's keys under `greenlight.grid.`; their schemas and defaults are the core's (src/core/config.ts). */
const GRID_KEYS = ["provider", "region", "pue", "refreshMinutes", "jobDuration", "endpoints.uk", "endpoints.electricityMaps", "endpoints.wattTime", "endpoints.carbonAwareSdk"] as const;
const schemaOf = <K extends GridSettingKey>(key: K) => settingsSchema[`grid.${key}`];

export type GridSettingKey = (typeof GRID_KEYS)[number];

export interface GridSettings {
  provider: ProviderId;
  region: string;
  /** Power usage effectiveness of the machine's site: the job's energy at the meter is IT energy × PUE. */
  pue: number;
  refreshMinutes: number;
  /** The job length the status bar's "next greenest window" is computed for. */
  jobDuration: string;
  endpoints: Record<EndpointKey, string>;
}

export const GRID_DEFAULTS: GridSettings = {
  provider: defaultSettings["grid.provider"],
  region: defaultSettings["grid.region"],
  pue: defaultSettings["grid.pue"],
  refreshMinutes: defaultSettings["grid.refreshMinutes"],
  jobDuration: defaultSettings["grid.jobDuration"],
  endpoints: {
    uk: defaultSettings["grid.endpoints.uk"],
    electricityMaps: defaultSettings["grid.endpoints.electricityMaps"],
    wattTime: defaultSettings["grid.endpoints.wattTime"],
    carbonAwareSdk: defaultSettings["grid.endpoints.carbonAwareSdk"],
  },
};

/** Reads every grid setting through `get` (undefined = unset), validating each; problems name the setting. */
export function readGridSettings(get: (key: GridSettingKey) => unknown): { settings: GridSettings; problems: string[] } {
  const problems: string[] = [];
  const value = <K extends GridSettingKey>(key: K, fallback: Settings[`grid.${K}`]): Settings[`grid.${K}`] => {
    const raw = get(key);
    if (raw === undefined || raw === null) return fallback;
    const parsed = schemaOf(key).safeParse(raw);
    if (parsed.success) return parsed.data as Settings[`grid.${K}`];
    problems.push(`greenlight.grid.${key}: ${parsed.error.issues[0]?.message ?? "invalid"}; using ${JSON.stringify(fallback)}`);
    return fallback;
  };
  const settings: GridSettings = {
    provider: value("provider", GRID_DEFAULTS.provider),
    region: value("region", GRID_DEFAULTS.region),
    pue: value("pue", GRID_DEFAULTS.pue),
    refreshMinutes: value("refreshMinutes", GRID_DEFAULTS.refreshMinutes),
    jobDuration: value("jobDuration", GRID_DEFAULTS.jobDuration),
    endpoints: {
      uk: value("endpoints.uk", ""),
      electricityMaps: value("endpoints.electricityMaps", ""),
      wattTime: value("endpoints.wattTime", ""),
      carbonAwareSdk: value("endpoints.carbonAwareSdk", ""),
    },
  };
  return { settings, problems };
}

/** Why a workspace's endpoint value is not the one used (untrusted workspace), or undefined when it is. */
export function ignoredEndpointNotice(
  key: GridSettingKey,
  inspected: { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined,
  workspaceTrusted: boolean,
): string | undefined {
  if (workspaceTrusted || !inspected) return undefined;
  const ignored = inspected.workspaceFolderValue ?? inspected.workspaceValue;
  if (ignored === undefined || ignored === inspected.globalValue) return undefined;
  return `greenlight.grid.${key}: this workspace's value is not used until you trust the workspace (it could send your grid key to its own server); using ${inspected.globalValue ? "your User value" : "the provider's own address"}`;
}

/** In an untrusted workspace a workspace could point a provider (and its key) at its own server: user values only. */
export function trustedEndpointValue(
  inspected: { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined,
  workspaceTrusted: boolean,
): unknown {
  if (!inspected) return undefined;
  if (!workspaceTrusted) return inspected.globalValue;
  return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue;
}
