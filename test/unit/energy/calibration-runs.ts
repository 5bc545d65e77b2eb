// Compares the energy model with measured runs (the calibration file, the held-out fixture): one row per run with
// the modelled and measured time and energy. Shared by calibration.test.ts and tools/calibration-report.mjs.
import { estimateModel } from "../../../src/core/energy/estimate";
import type { Precision } from "../../../src/core/energy/precision";
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
