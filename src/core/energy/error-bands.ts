// Ranges on the energy model's figures. Each time and energy estimate carries an interval from two parts:
//  1. the calibration residuals of its regime (launch-, memory- or compute-bound): log(measured / modelled) over
//     the measured runs of that regime, and the central quantiles of them (error-bands.json, written by
//     tools/energy-ranges.mjs from the committed measurements; leave-one-out coverage is printed there);
//  2. how far the target is from measured hardware: an accelerator that was not measured widens every regime, a
//     host whose dispatch time is an estimate widens the launch-bound one (the `widening` figures, with sources).
// Empirical quantile intervals: the split-conformal idea of Vovk, Gammerman and Shafer, "Algorithmic Learning in a
// Random World" (2005), on log residuals, so the interval is multiplicative around the estimate.
import bandData from "./error-bands.json";
import type { CalibrationDistance, HardwareProfile } from "./hardware";
import type { HostProfile } from "./host";

/** What bounds an iteration's time (the time model's `bound`). */
export type Regime = "launch" | "memory" | "compute";
export const REGIMES: readonly Regime[] = ["launch", "memory", "compute"];

/** Central quantiles of log(measured / modelled) in one regime, the share of runs they span, and how many runs
 *  they rest on. */
export interface ResidualBand {
  low: number;
  high: number;
  /** Central share of residuals the band spans (0.85: the 7.5th to the 92.5th percentile). */
  level: number;
  runs: number;
}

/** The bands the core uses: per regime for time and energy, and the widening for unmeasured hardware. */
export interface ErrorBands {
  time: Record<Regime, ResidualBand>;
  energy: Record<Regime, ResidualBand>;
  widening: {
    /** Added to both sides (log) of every regime's band, by how far the accelerator is from measured hardware. */
    accelerator: Record<CalibrationDistance, number>;
    /** Added to both sides (log) of the launch-bound band when the host's dispatch time is an estimate. */
    unmeasuredHost: number;
    sources?: Record<string, string>;
  };
}

/** A multiplicative interval around a central figure: low ≤ 1 ≤ high, and why it is that wide. */
export interface RangeFactors {
  time: { low: number; high: number };
  energy: { low: number; high: number };
  /** "launch-bound on h200-sxm, profile not measured, host estimated". */
  reason: string;
}

/** The q-quantile (0..1) of ascending values, linearly interpolated (Hyndman and Fan's type 7, R's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/** The central `level` band of residuals (log ratios): from the (1−level)/2 to the (1+level)/2 quantile. */
export function residualBand(residuals: readonly number[], level: number): ResidualBand {
  const sorted = [...residuals].sort((a, b) => a - b);
  return { low: Math.min(0, quantile(sorted, (1 - level) / 2)), high: Math.max(0, quantile(sorted, (1 + level) / 2)), level, runs: sorted.length };
}

let bundled: ErrorBands | undefined;

/** The bundled bands (src/core/energy/error-bands.json). */
export function errorBands(): ErrorBands {
  bundled ??= bandData as ErrorBands;
  return bundled;
}

/** Why a range is as wide as it is, in words. */
function reasonOf(regime: Regime, profile: HardwareProfile, host: HostProfile, calibratedRuns?: number): string {
  const parts = [`${regime}-bound on ${profile.id}`];
  if (calibratedRuns) parts.push(`calibrated from ${calibratedRuns} run${calibratedRuns === 1 ? "" : "s"}`);
  else if (profile.calibration !== "measured") parts.push("profile not measured");
  if (regime === "launch" && !host.measured && !calibratedRuns) parts.push(`host ${host.id} estimated`);
  return parts.join(", ");
}

/** The range factors for an estimate in `regime` on this accelerator and host. A profile calibrated from the
 *  user's own runs counts as measured hardware (its host too): only the regime's residuals remain. */
export function rangeFactors(regime: Regime, profile: HardwareProfile, host: HostProfile, options: { calibratedRuns?: number; bands?: ErrorBands } = {}): RangeFactors {
  const bands = options.bands ?? errorBands();
  const calibrated = (options.calibratedRuns ?? 0) > 0;
  const accelerator = calibrated ? 0 : bands.widening.accelerator[profile.calibration];
  const hostWidening = regime === "launch" && !host.measured && !calibrated ? bands.widening.unmeasuredHost : 0;
  // Independent sources of error add in quadrature on the log scale.
  const extra = Math.hypot(accelerator, hostWidening);
  const factors = (band: ResidualBand) => ({ low: Math.exp(band.low - extra), high: Math.exp(band.high + extra) });
  return { time: factors(bands.time[regime]), energy: factors(bands.energy[regime]), reason: reasonOf(regime, profile, host, options.calibratedRuns) };
}

/** Share of runs whose measured value lies within [modelled × low, modelled × high]. */
export function coverage(rows: readonly { residual: number; low: number; high: number }[]): number {
  if (rows.length === 0) return 0;
  return rows.filter((r) => r.residual >= Math.log(r.low) - 1e-12 && r.residual <= Math.log(r.high) + 1e-12).length / rows.length;
}
