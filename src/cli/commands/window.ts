// `greenlight window`: the greenest time to run a job of a given length before a deadline, and the saving.
import { parseDuration } from "../../core/grid/duration";
import { findGreenestWindow } from "../../core/grid/greenest-window";
import { toSlot } from "../../core/grid/types";
import { CliError, parseCommandLine, type CommandOutput } from "../cli-io";
import { COMMAND_SPECS } from "../command-specs";
import { formatIntensity } from "../../core/report/format";
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

export async function runWindow(argv: string[], out: CommandOutput): Promise<number> {
  const parsed = parseCommandLine(COMMAND_SPECS.window, argv);
  const durationMs = durationOption("duration", parsed.values.get("duration"));
  const withinMs = durationOption("within", parsed.values.get("within"), 24 * 3_600_000);
  if (withinMs < durationMs) throw new CliError("--within must be at least --duration: the job has to finish within it");
  const energyText = parsed.values.get("energy-kwh");
  const energyKwh = energyText === undefined ? undefined : Number(energyText);
  if (energyKwh !== undefined && !(energyKwh >= 0 && Number.isFinite(energyKwh))) throw new CliError(`--energy-kwh must be a number of kWh, not '${energyText}'`);
  const options = gridOptionsFrom(parsed.values);
  warnIgnoredEndpoint(options, out);
  const setup = await setUpGrid(options);
  const snapshot = await setup.service.refresh();
  const degraded = degradedLine(snapshot);
  if (degraded) out.stderr(degraded);
  const now = Date.now();
  const result = snapshot.forecast.length
    ? findGreenestWindow({
        slots: snapshot.forecast.map((r) => toSlot(r, setup.provider?.resolutionMs ?? 3_600_000)),
        now,
        durationMs,
        deadline: now + withinMs,
        energyKwh,
      })
    : { found: false as const, reason: `there is no forecast (${snapshot.forecastNote ?? "the provider gave none"}): showing the ${snapshot.current.kind === "average" ? "yearly average" : "current value"} instead` };

  if (options.format === "json") {
    const json = {
      ...snapshotJson(snapshot),
      found: result.found,
      start: result.found ? iso(result.start) : null,
      end: result.found ? iso(result.end) : null,
      duration_minutes: round(durationMs / 60_000),
      deadline: iso(now + withinMs),
      avg_gco2_per_kwh: result.found ? round(result.averageGco2PerKwh) : null,
      now_avg_gco2_per_kwh: result.found ? (result.nowAverageGco2PerKwh === undefined ? null : round(result.nowAverageGco2PerKwh)) : round(snapshot.current.gco2PerKwh),
      saving_pct: result.found && result.savingPct !== undefined ? round(result.savingPct) : null,
      saving_gco2: result.found && result.savingGco2 !== undefined ? round(result.savingGco2) : null,
      energy_kwh: energyKwh ?? null,
      reason: result.found ? null : result.reason,
      window_notes: result.found ? result.notes : [],
    };
    out.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = headerLines(snapshot);
  if (!result.found) {
    lines.push(`  window    none: ${result.reason}`);
    lines.push(`  value     ${formatIntensity(snapshot.current.gco2PerKwh)} (${snapshot.current.kind})`);
  } else {
    const startsNow = result.start - now < 60_000;
    lines.push(`  best      ${startsNow ? "now" : iso(result.start)} to ${iso(result.end)}: ${formatIntensity(result.averageGco2PerKwh)} on average`);
    if (result.nowAverageGco2PerKwh !== undefined) lines.push(`  if now    ${formatIntensity(result.nowAverageGco2PerKwh)} on average`);
    if (result.savingPct !== undefined) {
      const grams = result.savingGco2 === undefined ? "" : `, ${round(result.savingGco2 / 1000, 2)} kgCO2 for ${energyKwh} kWh`;
      lines.push(`  saving    ${round(result.savingPct)}%${grams}`);
    }
    for (const note of result.notes) lines.push(`  note      ${note}`);
  }
  out.stdout(`${lines.join("\n")}\n`);
  return 0;
}
