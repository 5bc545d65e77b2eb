// The estimate for one model on one hardware profile: time, energy, power, carbon per iteration, per layer.
import type { ModelReport } from "../report/model-report";
import { applyCalibration, type ProfileCalibration } from "./calibration";
import { carbonOf, WORLD_AVERAGE_GCO2_PER_KWH, type CarbonBasis } from "./carbon";
import { rangeFactors } from "./error-bands";
import { hardwareProfile, peakFlops, type HardwareProfile } from "./hardware";
import { resolveHost, type HostProfile } from "./host";
import { OPTIMIZER_BYTES_PER_PARAMETER, planKernels, reportBatch, type PlanOptions } from "./kernel-plan";
import { isPrecision, PRECISIONS, type Precision } from "./precision";
import { timeIteration } from "./time-model";

export type EstimateMode = "inference" | "train";

export interface EstimateOptions {
  /** A profile id (`h100-sxm`) or a profile. */
  hardware: string | HardwareProfile;
  /** The host class that dispatches the ops (a host id or profile); "auto" or absent: the one the hardware names. */
  host?: string | HostProfile;
  dtype: Precision;
  mode: EstimateMode;
  /** Estimate at this batch instead of the report's (activations and FLOPs scale with it, weights do not). */
  batch?: number;
  /** Linear layers in int8 (weight and activation quantization), the rest at `dtype`. */
  quantizedLinear?: boolean;
  /** Linear layers weight-only quantized to these bits (torchao), math at `dtype`. */
  linearWeightBits?: 8 | 4;
  /** Convolutions run channels-last (no layout transposes around cuDNN's NHWC kernels). */
  channelsLast?: boolean;
  /** Training's optimizer: sgd, sgd-momentum, adam (default) or adamw. */
  optimizer?: string;
  /** Grid intensity and PUE for gco2e_per_iter; the world average (475 gCO2/kWh) and PUE 1 when absent. */
  carbon?: CarbonBasis;
  /** A fit to the user's own runs (greenlight.calibration): applied when its hardware and host are this estimate's,
   *  and then the range drops the unmeasured-hardware part ("calibrated from N runs"). */
  calibration?: ProfileCalibration;
}

/** One module's share of an iteration. */
export interface LayerShare {
  /** Module path as in the report ("layer1.0.conv1"); "(optimizer)" for the optimizer step. */
  path: string;
  seconds: number;
  joules: number;
  /** Fraction of the iteration's energy. */
  share: number;
  flops: number;
}

/** A figure's interval: the measured value is expected within [low, high] (error-bands.ts says how sure). */
export interface FigureRange {
  low: number;
  high: number;
}

/** The ranges of an estimate's time, energy and carbon, and why they are as wide as they are. */
export interface EstimateRange {
  seconds_per_iter: FigureRange;
  joules_per_iter: FigureRange;
  gco2e_per_iter: FigureRange;
  /** "launch-bound on h200-sxm, profile not measured, host server-x86 estimated". */
  reason: string;
}

/** The estimate the CLI prints under "estimate" (snake_case keys are the CLI's JSON contract). */
export interface Estimate {
  hardware: string;
  /** The host class whose dispatch time was used. */
  host: string;
  dtype: Precision;
  /** Linear layers quantized apart from `dtype` ("int8 Linear", "int4 weight-only Linear"), when any are. */
  quantized?: string;
  mode: EstimateMode;
  batch: number;
  flops_per_iter: number;
  seconds_per_iter: number;
  joules_per_iter: number;
  avg_power_w: number;
  gco2e_per_iter: number;
  bound: "compute" | "memory" | "launch";
  /** Grid intensity and PUE behind gco2e_per_iter. */
  gco2_per_kwh: number;
  pue: number;
  /** Modules by energy, largest first. */
  layers: LayerShare[];
  /** Where the measured figures are expected to lie, and why. */
  range: EstimateRange;
}

function checkOptions(report: ModelReport, options: EstimateOptions): void {
  if (!isPrecision(options.dtype)) throw new Error(`unknown dtype '${String(options.dtype)}' (${PRECISIONS.join(", ")})`);
  if (options.mode !== "inference" && options.mode !== "train") throw new Error(`unknown mode '${String(options.mode)}' (inference, train)`);
  if (options.optimizer !== undefined && !(options.optimizer in OPTIMIZER_BYTES_PER_PARAMETER)) {
    throw new Error(`unknown optimizer '${options.optimizer}' (${Object.keys(OPTIMIZER_BYTES_PER_PARAMETER).join(", ")})`);
  }
  if (options.batch !== undefined && !(Number.isInteger(options.batch) && options.batch > 0)) {
    throw new Error(`batch must be a positive integer, got ${options.batch}`);
  }
  for (const op of report.ops) {
    if (![op.flops, op.outputElements, op.weightElements].every((n) => Number.isFinite(n) && n >= 0)) {
      throw new Error(`op '${op.op}' at ${op.modulePath || "(root)"} has a non-finite or negative figure`);
    }
  }
}

/** Estimates one iteration (a forward pass, or a training step: forward, backward and optimizer) of a model. */
export function estimateModel(report: ModelReport, options: EstimateOptions): Estimate {
  checkOptions(report, options);
  const chosen = typeof options.hardware === "string" ? hardwareProfile(options.hardware) : options.hardware;
  const chosenHost = resolveHost(chosen, options.host);
  const calibration = options.calibration?.hardware === chosen.id && options.calibration.host === chosenHost.id ? options.calibration : undefined;
  const { profile, host } = calibration ? applyCalibration(chosen, chosenHost, calibration) : { profile: chosen, host: chosenHost };
  const calibratedRuns = calibration?.runs;
  const plan: PlanOptions = {
    host,
    precision: options.dtype,
    mode: options.mode,
    quantizedLinear: options.quantizedLinear,
    linearWeightBits: options.linearWeightBits,
    channelsLast: options.channelsLast,
    optimizer: options.optimizer,
    batch: options.batch,
  };
  const kernels = planKernels(report, profile, plan);
  const timing = timeIteration(kernels, profile);
  const basis = { gco2PerKwh: options.carbon?.gco2PerKwh ?? WORLD_AVERAGE_GCO2_PER_KWH, pue: options.carbon?.pue ?? 1 };
  const dynamicRange = profile.powerLimitW - profile.idlePowerW;
  const byPath = new Map<string, LayerShare>();
  timing.kernels.forEach((t, i) => {
    const wall = timing.wallSeconds[i];
    const gap = Math.max(0, wall - t.deviceSeconds);
    const joules = profile.idlePowerW * wall + t.dynamicJoules + dynamicRange * profile.model.powerFraction.waiting * gap;
    const path = t.kernel.phase === "optimizer" ? "(optimizer)" : t.kernel.modulePath;
    const entry = byPath.get(path) ?? { path, seconds: 0, joules: 0, share: 0, flops: 0 };
    entry.seconds += wall;
    entry.joules += joules;
    entry.flops += t.kernel.flops;
    byPath.set(path, entry);
  });
  const factors = rangeFactors(timing.bound, profile, host, { calibratedRuns });
  const gco2e = carbonOf(timing.joules, basis);
  const scaled = (value: number, f: { low: number; high: number }): FigureRange => ({ low: value * f.low, high: value * f.high });
  const layers = [...byPath.values()]
    .map((layer) => ({ ...layer, share: timing.joules > 0 ? layer.joules / timing.joules : 0 }))
    .sort((a, b) => b.joules - a.joules);
  return {
    hardware: profile.id,
    host: host.id,
    dtype: options.dtype,
    ...quantizedLabel(report, options),
    mode: options.mode,
    batch: options.batch ?? reportBatch(report),
    flops_per_iter: kernels.reduce((sum, k) => sum + k.flops, 0),
    seconds_per_iter: timing.seconds,
    joules_per_iter: timing.joules,
    avg_power_w: timing.averagePowerW,
    gco2e_per_iter: gco2e,
    bound: timing.bound,
    gco2_per_kwh: basis.gco2PerKwh,
    pue: basis.pue,
    layers,
    range: {
      seconds_per_iter: scaled(timing.seconds, factors.time),
      joules_per_iter: scaled(timing.joules, factors.energy),
      // Carbon is energy × a known intensity: its range is the energy's (the grid figure's own error is not in it).
      gco2e_per_iter: scaled(gco2e, factors.energy),
      reason: factors.reason + stoodInPrecision(profile, options.dtype),
    },
  };
}

/** "; fp64 priced at fp32's rate: apple-m2-max has no fp64 units": said wherever the hardware lacks the precision
 *  asked for, which the kernel plan prices at the nearest it has (hardware.ts peakFlops), never silently. */
function stoodInPrecision(profile: HardwareProfile, dtype: Precision): string {
  const { ran } = peakFlops(profile, dtype);
  return ran === dtype ? "" : `; ${dtype} priced at ${ran}'s rate: ${profile.id} has no ${dtype} units`;
}

/** The Linear layers an estimate runs quantized, by the options or by what the analyzed code applied. */
function quantizedLabel(report: ModelReport, options: EstimateOptions): { quantized?: string } {
  if (options.dtype === "int8") return {};
  if (options.quantizedLinear || report.ops.some((op) => op.quantized)) return { quantized: "int8 Linear" };
  const bits = options.linearWeightBits ?? report.ops.find((op) => op.weightOnlyBits !== undefined)?.weightOnlyBits;
  return bits ? { quantized: `int${bits} weight-only Linear` } : {};
}

/** What the same iteration would cost at another precision, or with its Linear layers in int8. */
export interface PrecisionAlternative {
  label: string;
  dtype: Precision;
  quantizedLinear: boolean;
  seconds_per_iter: number;
  joules_per_iter: number;
  /** Fraction of the current estimate's energy saved (negative: it costs more). */
  saving: number;
}

/** The iteration at bf16 and fp16 (mixed precision) and with int8 Linear layers, against the options given:
 *  the figures behind "this model in bf16 would cost X% less". Alternatives equal to the current setting are left out. */
export function precisionAlternatives(report: ModelReport, options: EstimateOptions, current = estimateModel(report, options)): PrecisionAlternative[] {
  const candidates: { label: string; dtype: Precision; quantizedLinear: boolean }[] = [
    { label: "bf16 mixed precision", dtype: "bf16", quantizedLinear: false },
    { label: "fp16 mixed precision", dtype: "fp16", quantizedLinear: false },
    { label: "int8 Linear layers", dtype: options.dtype === "fp32" || options.dtype === "tf32" ? "bf16" : options.dtype, quantizedLinear: true },
  ];
  if (options.mode === "train") candidates.pop(); // int8 quantization is for inference
  return candidates
    .filter((c) => c.dtype !== options.dtype || c.quantizedLinear !== (options.quantizedLinear ?? false))
    .map((c) => {
      const e = estimateModel(report, { ...options, dtype: c.dtype, quantizedLinear: c.quantizedLinear });
      return {
        label: c.label,
        dtype: c.dtype,
        quantizedLinear: c.quantizedLinear,
        seconds_per_iter: e.seconds_per_iter,
        joules_per_iter: e.joules_per_iter,
        saving: current.joules_per_iter > 0 ? 1 - e.joules_per_iter / current.joules_per_iter : 0,
      };
    });
}
