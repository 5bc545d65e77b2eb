// The memory estimate as the code runs the model, and whether its peak fits the selected hardware; when it does not,
// the smallest changes that make it fit and what each costs in time and energy (from the energy model).
import { estimateModel, type Estimate } from "../energy/estimate";
import { isAutocast, type Precision } from "../energy/precision";
import type { ResolvedGeneration } from "../generation/generation-plan";
import { formatBytes } from "../report/format";
import type { ModelReport } from "../report/model-report";
import { deviceMemory, type DeviceMemory } from "./device-memory";
import { estimateMemory, reportBatch, type MemoryEstimate, type MemoryOptions, type OptimizerKind, type WeightFormat } from "./memory-estimate";
import type { RunSetup } from "./run-setup";
import { perGpuBatch, shardOption, stepCommunication, type ParallelRun } from "../parallel/parallel-run";

/** How the model runs: the estimate's settings and what the code says. */
export interface MemoryContext {
  hardware: string;
  dtype: Precision;
  mode: "inference" | "train";
  setup?: RunSetup;
  generation?: ResolvedGeneration;
  batch?: number;
  /** A training run on several GPUs: memory is per GPU, at the per-GPU batch. */
  parallel?: ParallelRun;
}

/** The memory options the context implies, and where the optimizer came from. */
export function memoryOptions(report: ModelReport, context: MemoryContext): MemoryOptions & { optimizerSource: "code" | "default" } {
  const setup = context.setup;
  // Training at bf16/fp16 is autocast over fp32 weights; inference at a 16-bit dtype loads 16-bit weights.
  // A model the script runs under autocast keeps fp32 weights.
  const autocastHere = report.codePrecision?.autocast === true && report.codePrecision.precision === context.dtype;
  const weights: WeightFormat = setup?.weights?.format ??
    (context.mode === "inference" && isAutocast(context.dtype) && !autocastHere ? (context.dtype === "bf16" ? "bf16" : "fp16") : context.dtype === "int8" ? "int8" : "fp32");
  const precision: Precision = setup?.autocast?.precision ?? context.dtype;
  const generation = context.generation;
  const parallel = context.mode === "train" ? context.parallel : undefined;
  return {
    mode: context.mode,
    precision,
    weights,
    optimizer: setup?.optimizer?.kind ?? "adam",
    optimizerSource: setup?.optimizer ? "code" : "default",
    batch: parallel ? perGpuBatch(parallel, context.batch ?? reportBatch(report)) : context.batch,
    ...(parallel ? { shard: shardOption(parallel) } : {}),
    kvCache: generation && context.mode === "inference"
      ? { tokens: generation.promptTokens.value + generation.newTokens.value, sequences: generation.batch.value * generation.beams.value, bytesPerElement: weights === "fp32" ? 4 : 2 }
      : undefined,
  };
}

/** One change that lowers the peak, its new peak and its cost relative to the current step. */
export interface FitChange {
  label: string;
  peak_bytes: number;
  fits: boolean;
  /** Time and energy of a step (or forward) with the change, over without it. */
  time_factor: number;
  energy_factor: number;
}

/** Whether the peak fits the device, and the changes that would make it fit. */
export interface FitCheck {
  device: DeviceMemory;
  needed_bytes: number;
  fits: boolean;
  /** Changes that fit, cheapest in time first; when no single one fits, all of them together (if that fits). */
  changes: FitChange[];
  /** "needs 94 GiB, h100-sxm has 80 GiB": the finding's words. */
  summary: string;
}

const halvings = (batch: number): number[] => {
  const out: number[] = [];
  for (let b = Math.floor(batch / 2); b >= 1; b = Math.floor(b / 2)) out.push(b);
  return out;
};

/** Checks a memory estimate against the context's hardware; undefined when its capacity is not in the data. */
export function checkFit(report: ModelReport, context: MemoryContext, memory: MemoryEstimate = estimateMemory(report, memoryOptions(report, context))): FitCheck | undefined {
  const device = deviceMemory(context.hardware);
  if (!device) return undefined;
  const needed = memory.peak_bytes;
  const summary = `needs ${formatBytes(needed)}, ${context.hardware} has ${formatBytes(device.memoryBytes)}`;
  if (needed <= device.memoryBytes) return { device, needed_bytes: needed, fits: true, changes: [], summary };
  const options = memoryOptions(report, context);
  const run = { hardware: context.hardware, dtype: context.dtype, mode: context.mode, batch: context.batch } as const;
  let base: Estimate | undefined;
  const baseline = () => (base ??= estimateModel(report, run));
  const ratio = (e: { seconds_per_iter: number; joules_per_iter: number }) => ({ time_factor: e.seconds_per_iter / baseline().seconds_per_iter, energy_factor: e.joules_per_iter / baseline().joules_per_iter });
  const candidate = (label: string, change: Partial<MemoryOptions>, cost: () => { time_factor: number; energy_factor: number }): FitChange => {
    const peak = estimateMemory(report, { ...options, ...change }).peak_bytes;
    return { label, peak_bytes: peak, fits: peak <= device.memoryBytes, ...(peak <= device.memoryBytes ? cost() : { time_factor: NaN, energy_factor: NaN }) };
  };
  const changes: FitChange[] = [];
  const all: Partial<MemoryOptions> = {};
  if (options.weights === "fp32") {
    const bf16: Partial<MemoryOptions> = { weights: "bf16", precision: "bf16" };
    changes.push(candidate("bf16 weights", bf16, () => ratio(estimateModel(report, { ...run, dtype: "bf16" }))));
    Object.assign(all, bf16);
  }
  if (context.mode === "train") {
    changes.push(candidate("activation checkpointing of each block", { checkpointBlocks: true }, () => {
      // Backward recomputes the forward once more.
      const forward = estimateModel(report, { ...run, mode: "inference" });
      return { time_factor: 1 + forward.seconds_per_iter / baseline().seconds_per_iter, energy_factor: 1 + forward.joules_per_iter / baseline().joules_per_iter };
    }));
    const optimizer = options.optimizer ?? "adam";
    if (optimizer === "adam" || optimizer === "adamw") {
      const eightBit: OptimizerKind = optimizer === "adam" ? "adam-8bit" : "adamw-8bit";
      // The energy model has no 8-bit optimizer kernel: the step's time is about the same (its state traffic shrinks).
      changes.push(candidate(`8-bit ${optimizer === "adam" ? "Adam" : "AdamW"} (bitsandbytes)`, { optimizer: eightBit }, () => ({ time_factor: 1, energy_factor: 1 })));
      all.optimizer = eightBit;
    }
    const parallel = context.parallel;
    if (parallel && parallel.zeroStage < 3) {
      // Sharding everything over the run's GPUs (ZeRO-3 / FSDP full shard) moves 3(N−1)/N of the weights per step
      // instead of 2(N−1)/N of the gradients: its cost is that extra communication (parallel-run.ts).
      const sharded: ParallelRun = { ...parallel, kind: parallel.kind === "deepspeed" ? "deepspeed" : "fsdp", zeroStage: 3 };
      const label = parallel.kind === "deepspeed" ? `DeepSpeed ZeRO-3 over the ${parallel.gpus} GPUs` : `FSDP full shard over the ${parallel.gpus} GPUs`;
      changes.push(candidate(label, { shard: shardOption(sharded) }, () => {
        const step = baseline();
        const bytes = { gradients: memory.parts.find((p) => p.name === "gradients")?.bytes ?? 0, weights: memory.parts.find((p) => p.name === "weights")?.bytes ?? 0 };
        // The current parts are per GPU: a replicated run's are whole.
        const before = stepCommunication(parallel, context.hardware, bytes)?.seconds ?? 0;
        const after = stepCommunication(sharded, context.hardware, parallel.zeroStage >= 2 ? { gradients: bytes.gradients * parallel.gpus, weights: bytes.weights } : bytes)?.seconds ?? 0;
        const factor = (step.seconds_per_iter + after) / (step.seconds_per_iter + before);
        return { time_factor: factor, energy_factor: factor };
      }));
      all.shard = shardOption(sharded);
    }
    const batch = context.batch ?? (report.inputs[0]?.shape[0] ?? 1);
    for (const smaller of halvings(batch)) {
      const change = candidate(`batch ${smaller} with ${Math.ceil(batch / smaller)} gradient-accumulation steps`, { batch: smaller }, () => {
        const step = estimateModel(report, { ...run, batch: smaller });
        const steps = Math.ceil(batch / smaller);
        return ratio({ seconds_per_iter: step.seconds_per_iter * steps, joules_per_iter: step.joules_per_iter * steps });
      });
      if (change.fits || smaller === 1) {
        changes.push(change);
        break;
      }
    }
    all.checkpointBlocks = true;
  } else {
    for (const format of ["int8", "int4"] as const) {
      changes.push(candidate(`${format} weights (weight-only quantization)`, { weights: format }, () => ratio(estimateModel(report, { ...run, quantizedLinear: true }))));
    }
  }
  let fitting = changes.filter((c) => c.fits).sort((a, b) => a.time_factor - b.time_factor);
  if (fitting.length === 0) {
    const combined = candidate("all of these together", all, () => ({ time_factor: NaN, energy_factor: NaN }));
    fitting = combined.fits ? [combined] : [];
  }
  return { device, needed_bytes: needed, fits: false, changes: fitting, summary };
}
