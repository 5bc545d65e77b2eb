// `greenlight grid`: the grid's carbon intensity now and the forecast, from a live provider or the embedded table.
import type { GridConfig, GridSetup } from "../../core/grid/create-service";
import { parseDuration } from "../../core/grid/duration";
import type { GridSnapshot } from "../../core/grid/grid-service";
import { createOfflineService } from "../../core/grid/offline-service";
import { levelOf } from "../../core/grid/levels";
import { PROVIDER_IDS, type ProviderId } from "../../core/grid/types";
import { CliError, parseCommandLine, type CommandOutput } from "../cli-io";
import { COMMAND_SPECS } from "../command-specs";
import { formatIntensity } from "../../core/report/format";

const PROVIDER_ALIASES: Record<string, ProviderId> = {
  uk: "uk",
  electricitymaps: "electricitymaps",
  "electricity-maps": "electricitymaps",
  watttime: "watttime",
  "carbon-aware-sdk": "carbon-aware-sdk",
  carbonawaresdk: "carbon-aware-sdk",
  offline: "offline",
};

export interface GridCliOptions {
  config: GridConfig;
  format: "table" | "json";
  timeoutMs: number;
}

/** Reads --provider/--region/--endpoint/--format/--timeout, then GREENLIGHT_GRID_* and key variables from the environment. */
export function gridOptionsFrom(values: Map<string, string>, env: NodeJS.ProcessEnv = process.env): GridCliOptions {
  const providerText = (values.get("provider") ?? env.GREENLIGHT_GRID_PROVIDER ?? "offline").trim().toLowerCase();
  const provider = PROVIDER_ALIASES[providerText];
  if (!provider) throw new CliError(`--provider must be one of ${PROVIDER_IDS.join(", ")}, not '${providerText}'`);
  const format = values.get("format") ?? "table";
  if (format !== "table" && format !== "json") throw new CliError(`--format must be table or json, not '${format}'`);
  let timeoutMs = 10_000;
  const timeoutText = values.get("timeout");
  if (timeoutText !== undefined) {
    try {
      timeoutMs = parseDuration(timeoutText);
    } catch (err) {
      throw new CliError(`--timeout: ${(err as Error).message}`);
    }
  }
  return {
    format,
    timeoutMs,
    config: {
      provider,
      region: values.get("region") ?? env.GREENLIGHT_GRID_REGION,
      endpoint: values.get("endpoint") ?? env.GREENLIGHT_GRID_ENDPOINT,
      timeZone: env.TZ?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone,
      credentials: {
        electricityMapsToken: env.GREENLIGHT_ELECTRICITYMAPS_TOKEN,
        wattTimeUsername: env.GREENLIGHT_WATTTIME_USERNAME,
        wattTimePassword: env.GREENLIGHT_WATTTIME_PASSWORD,
      },
    },
  };
}

/** Builds the service; providers, zod and undici load only for a live provider (keeps the offline start fast). */
export async function setUpGrid(options: GridCliOptions): Promise<GridSetup> {
  if (options.config.provider === "offline") return createOfflineService(options.config.region, options.config.timeZone, Date.now);
  const [{ UndiciHttpClient }, { createGridService }] = await Promise.all([import("../../node/http-client"), import("../../core/grid/create-service")]);
  return createGridService(options.config, {
    http: new UndiciHttpClient(),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    timeoutMs: options.timeoutMs,
  });
}

/** The offline tables need no endpoint: say so rather than silently ignoring --endpoint. */
export function warnIgnoredEndpoint(options: GridCliOptions, out: CommandOutput): void {
  if (options.config.provider === "offline" && options.config.endpoint) {
    out.stderr("greenlight: --endpoint is ignored by the offline provider (choose one with --provider)\n");
  }
}

/** The JSON fields shared by `grid` and `window`. */
export function snapshotJson(snapshot: GridSnapshot): Record<string, unknown> {
  const { current } = snapshot;
  return {
    provider: current.provider,
    requested_provider: snapshot.provider,
    region: current.region,
    gco2_per_kwh: round(current.gco2PerKwh),
    at: iso(current.at),
    kind: current.kind,
    stale: snapshot.state === "stale",
    state: snapshot.state,
    age_seconds: snapshot.ageMs === undefined ? null : Math.round(snapshot.ageMs / 1000),
    fell_back: snapshot.fellBack,
    level: levelOf(current.gco2PerKwh),
    index: current.index ?? null,
    source: current.source ?? null,
    error: snapshot.error ?? null,
    notes: snapshot.notes,
  };
}

/** One line for stderr when the answer is not live, or undefined. */
export function degradedLine(snapshot: GridSnapshot): string | undefined {
  if (snapshot.state === "stale") {
    return `greenlight: showing the last good value from ${Math.round((snapshot.ageMs ?? 0) / 60_000)} min ago (${snapshot.error})\n`;
  }
  if (snapshot.fellBack) {
    return `greenlight: ${snapshot.error}; fell back to the yearly average for ${snapshot.current.region} (offline table)\n`;
  }
  return undefined;
}

export function headerLines(snapshot: GridSnapshot): string[] {
  const { current } = snapshot;
  const state =
    snapshot.state === "live"
      ? "live"
      : snapshot.state === "stale"
        ? `STALE, ${Math.round((snapshot.ageMs ?? 0) / 60_000)} min old`
        : snapshot.fellBack
          ? "OFFLINE FALLBACK: yearly average"
          : "offline: yearly average";
  const lines = [
    `Grid carbon intensity, ${current.region} (${current.provider}, ${state})`,
    `  now       ${formatIntensity(current.gco2PerKwh)}  ${levelOf(current.gco2PerKwh)}${current.index ? ` (provider index: ${current.index})` : ""}  ${current.kind} at ${iso(current.at)}`,
  ];
  if (current.source) lines.push(`  source    ${current.source}`);
  if (snapshot.error) lines.push(`  why       ${snapshot.error}`);
  for (const note of snapshot.notes) lines.push(`  note      ${note}`);
  return lines;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const MAX_TABLE_ROWS = 24;

export async function runGrid(argv: string[], out: CommandOutput): Promise<number> {
  const parsed = parseCommandLine(COMMAND_SPECS.grid, argv);
  const options = gridOptionsFrom(parsed.values);
  warnIgnoredEndpoint(options, out);
  const setup = await setUpGrid(options);
  const snapshot = await setup.service.refresh();
  const degraded = degradedLine(snapshot);
  if (degraded) out.stderr(degraded);
  if (options.format === "json") {
    const json = {
      ...snapshotJson(snapshot),
      forecast: snapshot.forecast.map((r) => ({ start: iso(r.start ?? r.at), end: r.end === undefined ? null : iso(r.end), gco2_per_kwh: round(r.gco2PerKwh) })),
      forecast_note: snapshot.forecast.length ? null : (snapshot.forecastNote ?? null),
    };
    out.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = headerLines(snapshot);
  if (snapshot.forecast.length === 0) {
    lines.push(`  forecast  none: ${snapshot.forecastNote ?? "the provider gave none"}`);
  } else {
    const lowest = snapshot.forecast.reduce((a, b) => (b.gco2PerKwh < a.gco2PerKwh ? b : a));
    const highest = snapshot.forecast.reduce((a, b) => (b.gco2PerKwh > a.gco2PerKwh ? b : a));
    const last = snapshot.forecast[snapshot.forecast.length - 1];
    lines.push(`  forecast  ${snapshot.forecast.length} slots to ${iso(last.end ?? last.at)}`);
    lines.push(`  lowest    ${formatIntensity(lowest.gco2PerKwh)} from ${iso(lowest.start ?? lowest.at)}`);
    lines.push(`  highest   ${formatIntensity(highest.gco2PerKwh)} from ${iso(highest.start ?? highest.at)}`);
    lines.push("", "  start (UTC)         gCO2e/kWh");
    for (const r of snapshot.forecast.slice(0, MAX_TABLE_ROWS)) {
      lines.push(`  ${iso(r.start ?? r.at).slice(0, 16).replace("T", " ")}     ${String(Math.round(r.gco2PerKwh)).padStart(8)}`);
    }
    if (snapshot.forecast.length > MAX_TABLE_ROWS) lines.push(`  … ${snapshot.forecast.length - MAX_TABLE_ROWS} more slots (--format json lists all)`);
  }
  out.stdout(`${lines.join("\n")}\n`);
  return 0;
}
