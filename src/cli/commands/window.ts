// `greenlight window`: the greenest time to run a job of a given length before a deadline, and the saving.
import { parseDuration } from "../../core/grid/duration";
import { readFileSync } from "node:fs";
import { findGreenestWindow, type WindowFound, type WindowResult } from "../../core/grid/greenest-window";
import { toSlot } from "../../core/grid/types";
import { CliError, parseCommandLine, type CommandOutput } from "../cli-io";
import { COMMAND_SPECS } from "../command-specs";
import { formatDuration, formatIntensity } from "../../core/report/format";
import { degradedLine, gridOptionsFrom, headerLines, iso, round, setUpGrid, snapshotJson, warnIgnoredEndpoint } from "./grid";

function durationOption(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new CliError(`--${name} is required (like --${name} 3h)`);
    return fallback;
  }
  try {
    return parseDuration(text);
  } catch (err) {
    throw new CliError(`--${name}: ${(err as Error).message}`);
  }
}

/** The window search's figures, in the form `--format json` gives them (shared by live and saved forecasts). */
function resultJson(result: WindowResult, from: number, durationMs: number, withinMs: number, energyKwh: number | undefined, fallbackGco2: number | null): Record<string, unknown> {
  return {
    found: result.found,
    start: result.found ? iso(result.start) : null,
    end: result.found ? iso(result.end) : null,
    duration_minutes: round(durationMs / 60_000),
    deadline: iso(from + withinMs),
    avg_gco2_per_kwh: result.found ? round(result.averageGco2PerKwh) : null,
    now_avg_gco2_per_kwh: result.found ? (result.nowAverageGco2PerKwh === undefined ? null : round(result.nowAverageGco2PerKwh)) : fallbackGco2,
    saving_pct: result.found && result.savingPct !== undefined ? round(result.savingPct) : null,
    saving_gco2: result.found && result.savingGco2 !== undefined ? round(result.savingGco2) : null,
    energy_kwh: energyKwh ?? null,
    reason: result.found ? null : result.reason,
    window_notes: result.found ? result.notes : [],
  };
}

/** The table lines of a found window: best start, the average if started at `from` ("now" or "from"), the saving. */
function resultLines(result: WindowFound, from: number, energyKwh: number | undefined, fromLabel: "now" | "from"): string[] {
  const lines: string[] = [];
  const startsAtFrom = result.start - from < 60_000;
  lines.push(`  best      ${startsAtFrom ? fromLabel : iso(result.start)} to ${iso(result.end)}: ${formatIntensity(result.averageGco2PerKwh)} on average`);
  if (result.nowAverageGco2PerKwh !== undefined) lines.push(`  ${`if ${fromLabel}`.padEnd(10)}${formatIntensity(result.nowAverageGco2PerKwh)} on average`);
  if (result.savingPct !== undefined) {
    const grams = result.savingGco2 === undefined ? "" : `, ${round(result.savingGco2 / 1000, 2)} kgCO2e for ${energyKwh} kWh`;
    lines.push(`  saving    ${round(result.savingPct)}%${grams}`);
  }
  for (const note of result.notes) lines.push(`  note      ${note}`);
  return lines;
}

export async function runWindow(argv: string[], out: CommandOutput): Promise<number> {
  const parsed = parseCommandLine(COMMAND_SPECS.window, argv);
  const durationMs = durationOption("duration", parsed.values.get("duration"));
  const withinMs = durationOption("within", parsed.values.get("within"), 24 * 3_600_000);
  if (withinMs < durationMs) throw new CliError("--within must be at least --duration: the job has to finish within it");
  const energyText = parsed.values.get("energy-kwh");
  const energyKwh = energyText === undefined ? undefined : Number(energyText);
  if (energyKwh !== undefined && !(energyKwh >= 0 && Number.isFinite(energyKwh))) throw new CliError(`--energy-kwh must be a number of kWh, not '${energyText}'`);
  const fromText = parsed.values.get("from");
  const from = fromText === undefined ? undefined : Date.parse(fromText);
  if (from !== undefined && Number.isNaN(from)) throw new CliError(`--from must be an ISO 8601 time like 2026-01-15T00:00Z, not '${fromText}'`);
  const forecastFile = parsed.values.get("forecast");
  if (forecastFile !== undefined) return savedWindow(forecastFile, parsed.values, { durationMs, withinMs, energyKwh, from }, out);
  if (from !== undefined) throw new CliError("--from needs --forecast: a live forecast is searched from now");

  const options = gridOptionsFrom(parsed.values);
  warnIgnoredEndpoint(options, out);
  const setup = await setUpGrid(options);
  const snapshot = await setup.service.refresh();
  const degraded = degradedLine(snapshot);
  if (degraded) out.stderr(degraded);
  const now = Date.now();
  const result: WindowResult = snapshot.forecast.length
    ? findGreenestWindow({
        slots: snapshot.forecast.map((r) => toSlot(r, setup.provider?.resolutionMs ?? 3_600_000)),
        now,
        durationMs,
        deadline: now + withinMs,
        energyKwh,
      })
    : { found: false, reason: `there is no forecast (${snapshot.forecastNote ?? "the provider gave none"}): showing the ${snapshot.current.kind === "average" ? "yearly average" : "current value"} instead` };

  if (options.format === "json") {
    const json = { ...snapshotJson(snapshot), ...resultJson(result, now, durationMs, withinMs, energyKwh, round(snapshot.current.gco2PerKwh)) };
    out.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = headerLines(snapshot);
  if (!result.found) {
    lines.push(`  window    none: ${result.reason}`);
    lines.push(`  value     ${formatIntensity(snapshot.current.gco2PerKwh)} (${snapshot.current.kind})`);
  } else {
    lines.push(...resultLines(result, now, energyKwh, "now"));
  }
  out.stdout(`${lines.join("\n")}\n`);
  return 0;
}

interface JobRequest {
  durationMs: number;
  withinMs: number;
  energyKwh: number | undefined;
  from: number | undefined;
}

/** `window --forecast FILE`: the search over a provider's answer saved as a file; no network, labelled as saved. */
async function savedWindow(file: string, values: Map<string, string>, job: JobRequest, out: CommandOutput): Promise<number> {
  for (const name of ["provider", "region", "endpoint", "timeout"]) {
    if (values.has(name)) out.stderr(`greenlight: --${name} is ignored with --forecast (the file says where its forecast is from)\n`);
  }
  const format = values.get("format") ?? "table";
  if (format !== "table" && format !== "json") throw new CliError(`--format must be table or json, not '${format}'`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(`cannot read --forecast ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // zod and the provider parsers load only here, as for a live provider.
  const [{ parseSavedForecast }, { GridError }] = await Promise.all([import("../../core/grid/saved-forecast"), import("../../core/grid/types")]);
  let saved;
  try {
    saved = parseSavedForecast(text, `--forecast ${file}`);
  } catch (err) {
    if (err instanceof GridError) throw new CliError(err.message);
    throw err;
  }
  const first = saved.readings[0];
  const last = saved.readings[saved.readings.length - 1];
  const forecastStart = first.start ?? first.at;
  const forecastEnd = last.end ?? last.at;
  const now = Date.now();
  const notes: string[] = [];
  let from = job.from;
  if (from === undefined) {
    from = now >= forecastStart && now < forecastEnd ? now : forecastStart;
    if (from !== now) notes.push(`now is outside the saved forecast (${iso(forecastStart)} to ${iso(forecastEnd)}): searching from its start (--from sets another time)`);
  }
  const result = findGreenestWindow({
    slots: saved.readings.map((r) => toSlot(r, 3_600_000)),
    now: from,
    durationMs: job.durationMs,
    deadline: from + job.withinMs,
    energyKwh: job.energyKwh,
  });
  const label = `${file} (${saved.providerName} shape), ${saved.region}: ${saved.readings.length} slots from ${iso(forecastStart)} to ${iso(forecastEnd)}; not live`;
  if (format === "json") {
    const json = {
      forecast_file: file,
      provider: saved.provider,
      region: saved.region,
      live: false,
      forecast_start: iso(forecastStart),
      forecast_end: iso(forecastEnd),
      slots: saved.readings.length,
      from: iso(from),
      notes,
      ...resultJson(result, from, job.durationMs, job.withinMs, job.energyKwh, null),
    };
    out.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [`Greenest window for a ${formatDuration(job.durationMs / 1000)} job in a saved forecast`, `  forecast  ${label}`, `  from      ${iso(from)}, finishing by ${iso(from + job.withinMs)}`];
  for (const note of notes) lines.push(`  note      ${note}`);
  if (!result.found) lines.push(`  window    none: ${result.reason}`);
  else lines.push(...resultLines(result, from, job.energyKwh, "from"));
  out.stdout(`${lines.join("\n")}\n`);
  return 0;
}
