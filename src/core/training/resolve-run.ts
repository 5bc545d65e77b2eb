// A whole training run from what the code says (TrainingPlan) and what the user gave (settings): each figure keeps
// where it came from, and a missing one is named rather than guessed.
import type { Estimate } from "../energy/estimate";
import { estimateTrainingRun, type TrainingRunEstimate } from "../energy/training-run";
import type { PlanFigure, TrainingPlan } from "./training-plan";
import { dividedBatch, perGpuBatch, type ParallelRun, type StepCommunication } from "../parallel/parallel-run";
import { batchWithinSamples } from "./short-data-batch";

/** Figures the user gave (CLI options, editor settings); they fill what the code does not state. */
export interface RunSettings {
  epochs?: number;
  samples?: number;
  batch?: number;
}

/** A run on several GPUs and what each step communicates (absent when the hardware has no link in the data). */
export interface ParallelTraining {
  run: ParallelRun;
  communication?: StepCommunication;
}

export interface ResolvedTrainingRun {
  epochs?: PlanFigure;
  samples?: PlanFigure;
  /** A step-based run's optimizer steps (then epochs and samples are not needed), and its gradient accumulation. */
  steps?: PlanFigure;
  accumulation?: PlanFigure;
  batch: PlanFigure;
  /** The code's batch is data of a size it does not show (TrainingPlan.batchFromData) and no setting gives one:
   *  `batch` is the model input's only to cost a step, and there is no run total. */
  batchUnknown?: true;
  dropLast: boolean;
  /** The training step at `batch` (re-estimated when the code's batch differs from the model input's). */
  step: Estimate;
  /** Absent when epochs or samples are unknown. */
  run?: TrainingRunEstimate;
  /** The GPUs the run uses, when more than one. */
  parallel?: ParallelTraining;
  /** Set for a network the run uses but does not train (frozen-models.ts): its notes say why. */
  untrained?: true;
  notes: string[];
}

const fromSettings = (value: number | undefined, option: string): PlanFigure | undefined =>
  value === undefined ? undefined : { value, source: "settings", detail: `--${option}` };

/**
 * Code first, then settings (issue 3: "read from code where it says so, else from settings"); the batch falls back
 * to the model input's first dimension. `stepAt` estimates a training step at a batch (undefined: the input's).
 */
export function resolveTrainingRun(plan: TrainingPlan | undefined, settings: RunSettings, stepAt: (batch?: number) => Estimate, parallel?: ParallelTraining): ResolvedTrainingRun {
  const notes: string[] = [];
  const epochs = plan?.epochs ?? fromSettings(settings.epochs, "epochs");
  const samples = plan?.samples ?? fromSettings(settings.samples, "samples");
  let step = stepAt(undefined);
  if (step.mode !== "train") throw new Error("a training run needs a training-step estimate (mode 'train')");
  let batch = plan?.batch ?? fromSettings(settings.batch, "batch") ?? { value: step.batch, source: "input", detail: "the model input's first dimension" };
  // A batch the code makes of data it does not size is named as missing, not taken from the model input.
  const batchUnknown = !plan?.batch && settings.batch === undefined && plan?.batchFromData !== undefined;
  // `batch` is what one process's loader yields a step. Code that divides the job's batch by the process count
  // (`args.batch_size // world_size`) was read at one process: on N GPUs (not DataParallel, which splits it itself)
  // each process loads ⌊batch / N⌋ (Python's //; int() of / truncates alike).
  const batchSplit = parallel && plan?.batch ? plan.parallel?.batchSplit : undefined;
  if (batchSplit && parallel && dividedBatch(parallel.run, batch.value) !== batch.value) {
    const perProcess = dividedBatch(parallel.run, batch.value);
    notes.push(`${batchSplit.detail} (line ${batchSplit.line ?? "?"}): batch ${perProcess} per process on ${parallel.run.gpus} GPUs`);
    batch = { ...batch, value: perProcess, detail: `${batch.detail}, ÷ ${parallel.run.gpus} GPUs (${batchSplit.detail})` };
  }
  // An epoch run over fewer samples than its batch holds them all in one batch (short-data-batch.ts); on one device.
  if (!parallel && epochs && samples && !plan?.steps) {
    const within = batchWithinSamples(batch, samples, plan?.dropLast ?? false);
    if (within.note) notes.push(within.note);
    batch = within.batch;
  }
  // On several GPUs the step is one GPU's: DataParallel splits the batch, the others run it in each process.
  const gpuBatch = parallel ? perGpuBatch(parallel.run, batch.value) : batch.value;
  if (gpuBatch !== step.batch) {
    notes.push(gpuBatch === batch.value ? `the step is estimated at the run's batch ${batch.value} (the model input has batch ${step.batch})` : `the step is estimated at batch ${gpuBatch} per GPU (the run's batch ${batch.value} split over ${parallel!.run.gpus} GPUs)`);
    step = stepAt(gpuBatch);
  }
  const replicas = parallel && parallel.run.kind !== "dp" ? parallel.run.gpus : undefined;
  const onGpus = parallel ? { gpus: parallel.run.gpus, communicationSeconds: parallel.communication?.seconds ?? 0 } : undefined;
  if (parallel && !parallel.communication) notes.push(`${step.hardware} has no device-to-device link in the data: the run's communication time is not counted`);
  // A run the code counts in steps (max_iters, max_steps) has that length, unless the user gave epochs.
  const steps = settings.epochs === undefined ? plan?.steps : undefined;
  let accumulation = plan?.accumulation;
  const split = parallel && plan?.parallel?.accumulationSplit;
  if (split && accumulation) {
    // The code divides the job's accumulation over the GPUs (Python's //): each runs that many micro-batches per step.
    const perGpu = Math.max(1, Math.floor(accumulation.value / parallel.run.gpus));
    notes.push(`${split.detail} (line ${split.line ?? "?"}): ${perGpu} micro-batches per GPU per step`);
    accumulation = { ...accumulation, value: perGpu, detail: `${accumulation.detail}, ÷ ${parallel.run.gpus} GPUs (${split.detail})` };
  }
  if (plan?.cudaQueries) notes.push(plan.cudaQueries);
  // What configuration fed the figures (config-notes.ts): a missing config file explains a default.
  notes.push(...(plan?.notes ?? []));
  if (!epochs && !steps && !plan?.untrained) notes.push("the code states no epoch count: pass --epochs N");
  // A plan that says why its samples are unknown (a mask's selection, a filtered comprehension) is not told it names none.
  if (!samples && !steps && !plan?.untrained && !plan?.notes?.some((n) => n.startsWith("samples: "))) notes.push("the code names no known dataset or sample count: pass --samples N");
  const dropLast = plan?.dropLast ?? false;
  let run: TrainingRunEstimate | undefined;
  if (batchUnknown) {
    // The plan's note says where the batch comes from and asks for --batch N.
  } else if (steps) {
    try {
      run = estimateTrainingRun(step, { steps: steps.value, accumulation: accumulation?.value, batch: batch.value, replicas }, undefined, undefined, onGpus);
    } catch (err) {
      notes.push(`no run total: ${(err as Error).message}`);
    }
  } else if (epochs && samples && plan?.tokenBudget && batch.source === "input") {
    // A token budget leaves the examples per batch unknown: the model input's batch would make up the step count.
    notes.push(`the code states its batch as a budget of tokens (${plan.tokenBudget.detail.split(" cuts ")[0]}, line ${plan.tokenBudget.line}), not examples: pass --batch N`);
  } else if (epochs && samples) {
    if (dropLast && samples.value < batch.value) notes.push(`drop_last=True with ${samples.value} samples and batch ${batch.value}: no full batch, so no step`);
    try {
      run = estimateTrainingRun(step, { epochs: epochs.value, samples: samples.value, batch: batch.value, dropLast, accumulation: accumulation?.value, replicas }, undefined, undefined, onGpus);
    } catch (err) {
      // Figures the run cannot use (a fraction of a sample, say) are reported, not thrown at the user.
      notes.push(`no run total: ${(err as Error).message}`);
    }
  }
  // The run's steps are optimizer steps everywhere (an epoch run's ⌈batches / accumulation⌉ each epoch); its energy
  // and time are those of every micro-batch, so accumulation changes what a step is, not what the run costs.
  return { epochs, samples, ...(steps ? { steps } : {}), ...(accumulation ? { accumulation } : {}), batch, ...(batchUnknown ? { batchUnknown: true as const } : {}), dropLast, step, run, ...(parallel ? { parallel } : {}), ...(plan?.untrained ? { untrained: true as const } : {}), notes };
}

/** The data a step-based run goes through: steps × micro-batches × batch × data-parallel replicas samples, and what
 *  share of the data set that is when its size is known ("0.53" epochs of 60,000 samples); none for an unknown batch. */
export function stepRunCoverage(resolved: ResolvedTrainingRun): { samplesSeen: number; epochs?: number } | undefined {
  if (!resolved.steps || resolved.batchUnknown) return undefined;
  const replicas = resolved.parallel && resolved.parallel.run.kind !== "dp" ? resolved.parallel.run.gpus : 1;
  const samplesSeen = resolved.steps.value * (resolved.accumulation?.value ?? 1) * resolved.batch.value * replicas;
  return { samplesSeen, ...(resolved.samples && resolved.samples.value > 0 ? { epochs: samplesSeen / resolved.samples.value } : {}) };
}
