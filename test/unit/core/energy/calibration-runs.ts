// Compares the energy model with measured runs (the calibration file, the held-out fixture): one row per run with
// the modelled and measured time and energy. Shared by calibration.test.ts and tools/calibration-report.mjs.
import { coverage, quantile, rangeFactors, REGIMES, residualBand, type ErrorBands, type Regime, type ResidualBand } from "../../../../src/core/energy/error-bands";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { hardwareProfile } from "../../../../src/core/energy/hardware";
import { hostProfile, resolveHost } from "../../../../src/core/energy/host";
import type { Precision } from "../../../../src/core/energy/precision";
import { workload } from "./workloads";

/** A run as the measuring script writes it (data/calibration/README.md). */
export interface MeasuredRun {
  name: string;
  batch: number;
  dtype: Precision;
  mode: "inference" | "train";
  flops_per_iter: number;
  s_per_iter: number;
  J_per_iter: number;
  avg_power_W: number;
  group?: string;
  flops_source?: string;
}

export interface RunComparison {
  run: MeasuredRun;
  modelSeconds: number;
  modelJoules: number;
  modelPowerW: number;
  bound: string;
  /** Modelled / measured − 1. */
  timeError: number;
  energyError: number;
  /** Generated FLOPs (train: by the flop_counter convention, as the estimate counts them) / measured − 1. */
  flopsError: number;
}

/** A measurement file: its runs and, where recorded, the hardware profile and host class they were taken on. */
export interface MeasurementSet {
  hardware?: string;
  host?: string;
  runs: MeasuredRun[];
}

/** Runs the model on the generated op list of each measured run (the calibration used SGD with momentum), on the
 *  hardware and host the runs were measured on (the H100 sets: h100-sxm driven by the h100-calibration host). */
export function compareRuns(runs: MeasuredRun[], hardware = "h100-sxm", host = "h100-calibration"): RunComparison[] {
  return runs.map((run) => {
    const report = workload(run.name, run.batch, run.mode);
    const estimate = estimateModel(report, { hardware, host, dtype: run.dtype, mode: run.mode, optimizer: "sgd-momentum" });
    return {
      run,
      modelSeconds: estimate.seconds_per_iter,
      modelJoules: estimate.joules_per_iter,
      modelPowerW: estimate.avg_power_w,
      bound: estimate.bound,
      timeError: estimate.seconds_per_iter / run.s_per_iter - 1,
      energyError: estimate.joules_per_iter / run.J_per_iter - 1,
      flopsError: estimate.flops_per_iter / run.flops_per_iter - 1,
    };
  });
}

/** How many comparisons are within ±tolerance, for time and for energy. */
export function withinTolerance(rows: RunComparison[], tolerance = 0.3): { time: number; energy: number; total: number } {
  return {
    time: rows.filter((r) => Math.abs(r.timeError) <= tolerance).length,
    energy: rows.filter((r) => Math.abs(r.energyError) <= tolerance).length,
    total: rows.length,
  };
}

const percent = (x: number): string => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(0)}%`.padStart(6);

/** A fixed-width table of the comparisons, for the test log and the report tool. */
export function formatTable(rows: RunComparison[]): string {
  const header = "run                        batch dtype mode        ms model   ms meas   err     J model    J meas   err   W model W meas bound";
  const lines = rows.map((r) =>
    [
      r.run.name.padEnd(26),
      String(r.run.batch).padStart(5),
      r.run.dtype.padEnd(5),
      r.run.mode.padEnd(9),
      (r.modelSeconds * 1e3).toFixed(3).padStart(10),
      (r.run.s_per_iter * 1e3).toFixed(3).padStart(9),
      percent(r.timeError),
      r.modelJoules.toFixed(3).padStart(10),
      r.run.J_per_iter.toFixed(3).padStart(9),
      percent(r.energyError),
      r.modelPowerW.toFixed(0).padStart(8),
      r.run.avg_power_W.toFixed(0).padStart(6),
      ` ${r.bound}`,
    ].join(" "),
  );
  const counts = withinTolerance(rows);
  return [header, ...lines, `within ±30%: time ${counts.time}/${counts.total}, energy ${counts.energy}/${counts.total}`].join("\n");
}

// Ranges (src/core/energy/error-bands.ts): the residuals of each regime, the bands fitted to them, and the
// leave-one-out check that the measured value falls inside the stated range. Shared by error-bands.test.ts and
// tools/energy-ranges.mjs.

/** One measured run's log residual, log(measured / modelled), for time and energy, and its regime. */
export interface ResidualRow {
  set: string;
  run: MeasuredRun;
  hardware: string;
  host: string;
  regime: Regime;
  time: number;
  energy: number;
}

/** The residual rows of measurement sets, each estimated on the hardware and host it records. */
export function residualRows(sets: { name: string; data: MeasurementSet }[]): ResidualRow[] {
  return sets.flatMap(({ name, data }) => {
    const hardware = data.hardware ?? "h100-sxm";
    const host = data.host ?? "auto";
    return compareRuns(data.runs, hardware, host).map((row) => ({
      set: name,
      run: row.run,
      hardware,
      host: resolveHost(hardwareProfile(hardware), host).id,
      regime: row.bound as Regime,
      time: -Math.log1p(row.timeError),
      energy: -Math.log1p(row.energyError),
    }));
  });
}

/** Whether a row was measured on measured hardware and a measured host: those rows fit the bands. */
export function onMeasuredHardware(row: ResidualRow): boolean {
  return hardwareProfile(row.hardware).calibration === "measured" && hostProfile(row.host).measured;
}

/** The level of each regime's bands. */
export type Levels = Record<Regime, number>;

/** The time and energy bands of each regime at its level, fitted to rows. */
export function fitBands(rows: ResidualRow[], levels: Levels): Pick<ErrorBands, "time" | "energy"> {
  const band = (figure: "time" | "energy", regime: Regime): ResidualBand => {
    const residuals = rows.filter((r) => r.regime === regime).map((r) => r[figure]);
    return residuals.length ? residualBand(residuals, levels[regime]) : { low: 0, high: 0, level: levels[regime], runs: 0 };
  };
  const of = (figure: "time" | "energy") => Object.fromEntries(REGIMES.map((regime) => [regime, band(figure, regime)])) as Record<Regime, ResidualBand>;
  return { time: of("time"), energy: of("energy") };
}

/** One run checked against the range it would get from the other runs of its regime. */
export interface RangeCheck {
  row: ResidualRow;
  time: { low: number; high: number; inside: boolean };
  energy: { low: number; high: number; inside: boolean };
}

function checkRow(row: ResidualRow, bands: ErrorBands): RangeCheck {
  const factors = rangeFactors(row.regime, hardwareProfile(row.hardware), hostProfile(row.host), { bands });
  const inside = (residual: number, f: { low: number; high: number }) => coverage([{ residual, ...f }]) === 1;
  return { row, time: { ...factors.time, inside: inside(row.time, factors.time) }, energy: { ...factors.energy, inside: inside(row.energy, factors.energy) } };
}

/** Leave-one-out: each run against the band fitted to the other runs of its regime (measured hardware). */
export function leaveOneOut(rows: ResidualRow[], levels: Levels, widening: ErrorBands["widening"]): RangeCheck[] {
  return rows.map((row, i) => checkRow(row, { ...fitBands(rows.filter((_, j) => j !== i), levels), widening }));
}

/** Runs on other hardware against the bands as fitted (a held-out check: none of them shaped the bands). */
export function heldOutCheck(rows: ResidualRow[], bands: ErrorBands): RangeCheck[] {
  return rows.map((row) => checkRow(row, bands));
}

/** Coverage and median full width ((high − low) / central) of checks, for time and energy. */
export function summarize(checks: RangeCheck[]): { runs: number; time: { coverage: number; medianWidth: number }; energy: { coverage: number; medianWidth: number } } {
  const median = (values: number[]) => (values.length ? quantile([...values].sort((a, b) => a - b), 0.5) : 0);
  const of = (figure: "time" | "energy") => ({
    coverage: checks.length ? checks.filter((c) => c[figure].inside).length / checks.length : 0,
    medianWidth: median(checks.map((c) => c[figure].high - c[figure].low)),
  });
  return { runs: checks.length, time: of("time"), energy: of("energy") };
}

/** The levels tried, narrowest first: the bands use the narrowest whose leave-one-out coverage reaches `target`. */
export const BAND_LEVELS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/** Per regime, the narrowest level whose leave-one-out coverage of time and energy both reach `target` in that
 *  regime (else the widest): no regime's range is wider than its own residuals need. A regime with few runs cannot
 *  reach the target leave-one-out (its two extremes always fall outside the other runs' band), so while the
 *  coverage over all runs is below `target`, the regime whose next level adds most coverage per width widens. */
export function chooseLevels(rows: ResidualRow[], widening: ErrorBands["widening"], target = 0.8): Levels {
  const levels = perRegimeLevels(rows, widening, target);
  const score = (candidate: Levels) => {
    const s = summarize(leaveOneOut(rows, candidate, widening));
    return { coverage: Math.min(s.time.coverage, s.energy.coverage), width: s.time.medianWidth + s.energy.medianWidth };
  };
  let current = score(levels);
  while (current.coverage < target) {
    let best: { regime: Regime; gain: number; next: ReturnType<typeof score> } | undefined;
    for (const regime of REGIMES) {
      const at = BAND_LEVELS.indexOf(levels[regime]);
      if (at < 0 || at === BAND_LEVELS.length - 1) continue;
      const next = score({ ...levels, [regime]: BAND_LEVELS[at + 1] });
      const gain = (next.coverage - current.coverage) / Math.max(1e-6, next.width - current.width);
      if (next.coverage > current.coverage && (!best || gain > best.gain)) best = { regime, gain, next };
    }
    if (!best) break;
    levels[best.regime] = BAND_LEVELS[BAND_LEVELS.indexOf(levels[best.regime]) + 1];
    current = best.next;
  }
  return levels;
}

function perRegimeLevels(rows: ResidualRow[], widening: ErrorBands["widening"], target: number): Levels {
  const levels = {} as Levels;
  for (const regime of REGIMES) {
    const mine = rows.filter((r) => r.regime === regime);
    levels[regime] = BAND_LEVELS[BAND_LEVELS.length - 1];
    for (const level of BAND_LEVELS) {
      const s = summarize(leaveOneOut(mine, { launch: level, memory: level, compute: level }, widening));
      if (s.time.coverage >= target && s.energy.coverage >= target) {
        levels[regime] = level;
        break;
      }
    }
  }
  return levels;
}
