// Fitting a profile to the user's own runs (CodeCarbon's measured duration and energy, codecarbon.ts): three
// scale factors on the constants that carry the most error, the accelerator's efficiencies (compute- and
// memory-bound time), the host's dispatch time (launch-bound time) and the dynamic power fractions (energy above
// idle). Each is fitted by fixed-point iteration on the geometric mean of measured / estimated, which is the
// least-squares fit on the log scale for one multiplicative constant.
import type { HardwareProfile } from "./hardware";
import type { HostProfile } from "./host";

/** A profile fitted to measured runs, as kept in the workspace settings (greenlight.calibration). */
export interface ProfileCalibration {
  hardware: string;
  host: string;
  /** How many runs it was fitted to ("calibrated from 3 runs"). */
  runs: number;
  /** Multiplies the efficiencies (matmul, convolution, vector, memory); capped so none exceeds 1. */
  efficiencyScale: number;
  /** Multiplies the host's seconds per op and per library launch. */
  hostScale: number;
  /** Multiplies the dynamic power fractions (each capped at 1). */
  powerScale: number;
  /** Where the runs came from (a file and project name), for the reader. */
  source: string;
}

/** One measured run against which a profile is fitted. */
export interface MeasuredFigures {
  seconds: number;
  /** The accelerator's energy (J): what the estimate's joules stand for. */
  joules: number;
}

/** What the estimate gives for the same run under a candidate calibration. */
export interface EstimatedFigures {
  seconds: number;
  joules: number;
  bound: "compute" | "memory" | "launch";
}

const SCALE_LIMITS = { low: 1 / 20, high: 20 };
const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/** The largest efficiency scale that keeps every efficiency at or below 1. */
function efficiencyCeiling(profile: HardwareProfile): number {
  const m = profile.model;
  return 1 / Math.max(m.matmulEfficiency, m.convolutionEfficiency, m.vectorEfficiency, m.memoryEfficiency);
}

/** The profile and host with a calibration applied (copies; the bundled ones are never changed). */
export function applyCalibration(profile: HardwareProfile, host: HostProfile, calibration: ProfileCalibration): { profile: HardwareProfile; host: HostProfile } {
  const m = profile.model;
  const e = Math.min(calibration.efficiencyScale, efficiencyCeiling(profile));
  const p = (fraction: number) => Math.min(1, fraction * calibration.powerScale);
  return {
    profile: {
      ...profile,
      model: {
        ...m,
        matmulEfficiency: m.matmulEfficiency * e,
        convolutionEfficiency: m.convolutionEfficiency * e,
        vectorEfficiency: m.vectorEfficiency * e,
        memoryEfficiency: m.memoryEfficiency * e,
        powerFraction: { compute: p(m.powerFraction.compute), memory: p(m.powerFraction.memory), latency: p(m.powerFraction.latency), waiting: p(m.powerFraction.waiting) },
      },
    },
    host: { ...host, secondsPerOp: host.secondsPerOp * calibration.hostScale, secondsPerLaunch: host.secondsPerLaunch * calibration.hostScale, measured: true },
  };
}

const geometricMean = (values: number[]) => Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);

/** Fits efficiency, host and power scales so that the estimates of `runs` match their measurements (geometric
 *  mean of the ratios). `estimate` re-estimates every run under a candidate calibration. Throws when no run has
 *  a usable duration and energy. */
export function fitCalibration(
  profile: HardwareProfile,
  host: HostProfile,
  runs: readonly { measured: MeasuredFigures; estimate: (calibration: ProfileCalibration) => EstimatedFigures }[],
  source: string,
): ProfileCalibration {
  const usable = runs.filter((r) => r.measured.seconds > 0 && r.measured.joules > 0 && Number.isFinite(r.measured.seconds) && Number.isFinite(r.measured.joules));
  if (usable.length === 0) throw new Error("no run with a measured duration and energy above zero to fit to");
  let calibration: ProfileCalibration = { hardware: profile.id, host: host.id, runs: usable.length, efficiencyScale: 1, hostScale: 1, powerScale: 1, source };
  const ceiling = efficiencyCeiling(profile);
  for (let round = 0; round < 6; round++) {
    // Time first: launch-bound runs tell the host's speed, the others the accelerator's efficiency.
    const estimates = usable.map((r) => r.estimate(calibration));
    const launch = usable.filter((_, i) => estimates[i].bound === "launch");
    const device = usable.filter((_, i) => estimates[i].bound !== "launch");
    const ratio = (subset: typeof usable) => geometricMean(subset.map((r) => r.measured.seconds / estimates[usable.indexOf(r)].seconds));
    if (launch.length) calibration = { ...calibration, hostScale: clamp(calibration.hostScale * ratio(launch), SCALE_LIMITS.low, SCALE_LIMITS.high) };
    if (device.length) calibration = { ...calibration, efficiencyScale: clamp(calibration.efficiencyScale / ratio(device), SCALE_LIMITS.low, ceiling) };
    // Then energy at that time: the dynamic power above idle.
    const timed = usable.map((r) => r.estimate(calibration));
    const energy = geometricMean(usable.map((r, i) => r.measured.joules / timed[i].joules));
    calibration = { ...calibration, powerScale: clamp(calibration.powerScale * energy, SCALE_LIMITS.low, SCALE_LIMITS.high) };
  }
  const round = (x: number) => Number(x.toPrecision(4));
  return { ...calibration, efficiencyScale: round(calibration.efficiencyScale), hostScale: round(calibration.hostScale), powerScale: round(calibration.powerScale) };
}
