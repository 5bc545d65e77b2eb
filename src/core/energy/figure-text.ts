// Every energy figure says what it is per (sample, batch forward, training step, 1,000 samples, run) and at which
// batch, worded here once so the CLI, CodeLens, hover, status bar and report cannot drift apart.
import { formatCarbon, formatCountOf, formatDuration, formatEnergy, formatKwh, formatPower, formatRange, formatWhole, formatWithRange } from "../report/format";
import type { Estimate } from "./estimate";
import type { TrainingRunEstimate } from "./training-run";

/** "per batch-32 forward": one forward pass over a whole batch. */
export function perForward(batch: number): string {
  return `per batch-${batch} forward`;
}

/** "per training step of batch 32": forward, backward and the optimizer over one batch. */
export function perStep(batch: number): string {
  return `per training step of batch ${batch}`;
}

/** Where an estimate stands: "h100-sxm, fp32, batch 32"; "fp32 + int8 Linear" where Linear layers are quantized. */
export function estimateBasis(estimate: { hardware: string; dtype: string; quantized?: string; batch: number }): string {
  return `${estimate.hardware}, ${precisionText(estimate)}, batch ${estimate.batch}`;
}

/** The precision an estimate runs at, in words: "bf16", "fp32 + int8 Linear". */
export function precisionText(estimate: { dtype: string; quantized?: string }): string {
  return estimate.quantized ? `${estimate.dtype} + ${estimate.quantized}` : estimate.dtype;
}

/** "17.1 mJ per sample": a forward pass's energy shared over its batch. */
export function energyPerSampleText(joulesPerSample: number): string {
  return `${formatEnergy(joulesPerSample)} per sample`;
}

/** "2.25 mgCO2e per 1,000 samples". */
export function carbonPerThousandText(gramsPerThousand: number): string {
  return `${formatCarbon(gramsPerThousand)} per 1,000 samples`;
}

/** The per-inference figures every surface shows, each worded with what it is per. */
export interface InferenceFigureText {
  /** "17.1 mJ per sample" */
  energyPerSample: string;
  /** "2.25 mgCO2e per 1,000 samples" */
  carbonPerThousand: string;
  /** "547 mJ (390–800 mJ), 1.2 ms (1–1.5 ms), 312 W per batch-32 forward" */
  perForward: string;
  /** "12–23 mJ per sample": where a measurement is expected to lie. */
  energyPerSampleRange: string;
  /** Why the range is as wide as it is (regime, hardware measured or not). */
  rangeReason: string;
  /** "h100-sxm, fp32, batch 32" */
  basis: string;
}

const perItem = (range: { low: number; high: number }, count: number) => ({ low: range.low / count, high: range.high / count });

/** Words an inference estimate (mode "inference"): per sample, per 1,000 samples and per batch forward. */
export function inferenceFigureText(estimate: Estimate): InferenceFigureText {
  const batch = estimate.batch;
  return {
    energyPerSample: energyPerSampleText(estimate.joules_per_iter / batch),
    carbonPerThousand: carbonPerThousandText((estimate.gco2e_per_iter / batch) * 1000),
    perForward:
      `${formatWithRange(estimate.joules_per_iter, estimate.range.joules_per_iter, formatEnergy)}, ` +
      `${formatWithRange(estimate.seconds_per_iter, estimate.range.seconds_per_iter, formatDuration)}, ${formatPower(estimate.avg_power_w)} ${perForward(batch)}`,
    energyPerSampleRange: `${formatRange(perItem(estimate.range.joules_per_iter, batch), formatEnergy)} per sample`,
    rangeReason: estimate.range.reason,
    basis: estimateBasis(estimate),
  };
}

/** Words a training step's estimate: "80 mJ (60–110 mJ), 12 µgCO2e, 3 ms (2–4 ms), 300 W per training step of batch 32". */
export function trainingStepText(estimate: Estimate): string {
  return `${formatWithRange(estimate.joules_per_iter, estimate.range.joules_per_iter, formatEnergy)}, ${formatCarbon(estimate.gco2e_per_iter)}, ` +
    `${formatWithRange(estimate.seconds_per_iter, estimate.range.seconds_per_iter, formatDuration)}, ${formatPower(estimate.avg_power_w)} ${perStep(estimate.batch)}`;
}

/** Words a whole training run: "1,000 steps, 1.5 h, 4.2 kWh (3.1–5.9 kWh), 1.99 kgCO2e for the run". */
export function trainingRunText(run: Pick<TrainingRunEstimate, "steps" | "seconds" | "kwh" | "gco2e" | "range"> & Partial<Pick<TrainingRunEstimate, "gpus" | "gpuHours" | "microBatches">>): string {
  const gpus = run.gpus !== undefined && run.gpus > 1 && run.gpuHours !== undefined ? ` (${significantGpuHours(run.gpuHours)} GPU-hours on ${run.gpus} GPUs)` : "";
  return `${trainingStepsText(run.steps, run.microBatches)}, ${formatDuration(run.seconds)}${gpus}, ${formatWithRange(run.kwh, run.range.kwh, formatKwh)}, ${formatCarbon(run.gco2e)} for the run`;
}

/** "1,000 steps", or with gradient accumulation "2,813 optimizer steps of 4 micro-batches" (11,250 passes in all,
 *  a last partial group included). */
export function trainingStepsText(steps: number, microBatches?: number): string {
  if (microBatches === undefined || microBatches === steps || steps <= 0) return formatCountOf(steps, "step");
  const per = microBatches / steps;
  const exact = Number.isInteger(per);
  return `${formatWhole(steps)} optimizer steps of ${exact ? formatWhole(per) : `up to ${formatWhole(Math.ceil(per))}`} micro-batches${exact ? "" : ` (${formatWhole(microBatches)} in all)`}`;
}

function significantGpuHours(hours: number): string {
  return hours >= 100 ? formatWhole(Math.round(hours)) : String(Number(hours.toPrecision(3)));
}
