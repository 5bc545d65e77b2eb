// A whole training run from one step's estimate: steps = epochs × ⌈samples / batch⌉ (a DataLoader keeps the last,
// partial batch unless drop_last=True), and a run on a cluster of devices from its measured or modelled power.
import { carbonOf, costOf, JOULES_PER_KWH, type CarbonBasis } from "./carbon";
import type { Estimate, FigureRange } from "./estimate";
import { hardwareProfile, type HardwareProfile } from "./hardware";

export interface TrainingSchedule {
  /** Epochs and samples per epoch (the dataset's length) set the run's length, unless `steps` does. */
  epochs?: number;
  samples?: number;
  /** Optimizer steps of a step-based run (`max_iters`): the run's length without epochs. */
  steps?: number;
  /** Micro-batches per optimizer step (gradient accumulation), each a forward and backward at `batch`; in an epoch
   *  run it groups the epoch's batches into steps without changing how many run. */
  accumulation?: number;
  /** Samples per step; the estimate's batch when absent. */
  batch?: number;
  /** Drop the last partial batch of each epoch (DataLoader's drop_last). */
  dropLast?: boolean;
  /** Processes that each read their own share of every epoch (DistributedSampler: ⌈samples / replicas⌉ each). */
  replicas?: number;
}

/** A run on several GPUs: the step is one GPU's; the run's time adds the communication, its energy counts every GPU. */
export interface DataParallelSchedule {
  gpus: number;
  /** Seconds of communication each optimizer step adds (once per step, not per micro-batch), not hidden behind compute. */
  communicationSeconds: number;
}

export interface TrainingRunEstimate {
  /** Optimizer steps: each covers `microBatches / steps` forward-and-backward passes (gradient accumulation). */
  steps: number;
  /** Forward-and-backward passes at the schedule's batch: the run's energy and time are counted over these. */
  microBatches: number;
  seconds: number;
  joules: number;
  kwh: number;
  gco2e: number;
  /** Money at `price.perKwh`, when a price was given. */
  cost?: number;
  /** GPUs the run uses, GPU-hours (GPUs × wall time), and the communication's share of the wall time. */
  gpus: number;
  gpuHours: number;
  communicationSeconds: number;
  /** The step's range carried to the run: its error is the same in every step, so it scales, not averages out. */
  range: { seconds: FigureRange; joules: FigureRange; kwh: FigureRange; gco2e: FigureRange; reason: string };
}

/** `total` scaled by the step's range of the same figure (low / central, high / central). */
function scaledRange(total: number, central: number, range: FigureRange): FigureRange {
  if (!(central > 0)) return { low: total, high: total };
  return { low: (total * range.low) / central, high: (total * range.high) / central };
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isFinite(value) || value <= 0 || !Number.isInteger(value)) throw new RangeError(`${what} must be a positive integer, got ${value}`);
  return value;
}

/**
 * Forward-and-backward steps in a run: a step-based run's steps × micro-batches per step, else epochs × batches per
 * epoch.
 */
export function trainingSteps(schedule: TrainingSchedule, defaultBatch: number): number {
  const accumulation = schedule.accumulation === undefined ? 1 : positiveInteger(schedule.accumulation, "gradient accumulation");
  if (schedule.steps !== undefined) return positiveInteger(schedule.steps, "steps") * accumulation;
  const { epochs, perEpoch } = epochBatches(schedule, defaultBatch);
  return epochs * perEpoch;
}

/**
 * Optimizer steps in a run: a step-based run's steps, else in each epoch one step per `accumulation` batches, the
 * last, partial group stepped too (⌈batches / A⌉: Lightning's accumulate_grad_batches and transformers' Trainer step
 * at the epoch's end; a loop that steps at `batch_idx % A == 0` does the same).
 */
export function optimizerSteps(schedule: TrainingSchedule, defaultBatch: number): number {
  if (schedule.steps !== undefined) return positiveInteger(schedule.steps, "steps");
  const accumulation = schedule.accumulation === undefined ? 1 : positiveInteger(schedule.accumulation, "gradient accumulation");
  const { epochs, perEpoch } = epochBatches(schedule, defaultBatch);
  return epochs * Math.ceil(perEpoch / accumulation);
}

/** An epoch-based run's epochs and batches per epoch. */
function epochBatches(schedule: TrainingSchedule, defaultBatch: number): { epochs: number; perEpoch: number } {
  const epochs = positiveInteger(schedule.epochs ?? NaN, "epochs");
  const samples = positiveInteger(schedule.samples ?? NaN, "samples");
  const batch = positiveInteger(schedule.batch ?? defaultBatch, "batch");
  // DistributedSampler pads each replica's share to ⌈samples / replicas⌉ (torch/utils/data/distributed.py).
  const share = Math.ceil(samples / positiveInteger(schedule.replicas ?? 1, "replicas"));
  return { epochs, perEpoch: schedule.dropLast ? Math.floor(share / batch) : Math.ceil(share / batch) };
}

/**
 * Scales a training step's estimate (mode "train") to a whole run, with its carbon and, given a price, cost. On
 * several GPUs (`parallel`) the step is one GPU's at its own batch: each step takes compute + communication, and the
 * energy is GPUs × the step's average power × that time (Patterson et al. 2021, eq. 1).
 */
export function estimateTrainingRun(
  step: Estimate,
  schedule: TrainingSchedule,
  grid?: CarbonBasis,
  price?: { perKwh: number },
  parallel?: DataParallelSchedule,
): TrainingRunEstimate {
  if (step.mode !== "train") throw new Error("a training run needs a training-step estimate (mode 'train')");
  // DataParallel splits the schedule's batch over the GPUs; every other run gives each process the schedule's batch.
  const stepBatch = schedule.batch !== undefined && parallel && !schedule.replicas ? Math.ceil(schedule.batch / parallel.gpus) : schedule.batch;
  if (stepBatch !== undefined && stepBatch !== step.batch) {
    throw new Error(`the step was estimated at batch ${step.batch}, the schedule says ${stepBatch}: estimate the step at that batch`);
  }
  const gpus = parallel ? positiveInteger(parallel.gpus, "GPUs") : 1;
  const communication = parallel?.communicationSeconds ?? 0;
  if (!(communication >= 0 && Number.isFinite(communication))) throw new RangeError(`communication seconds must be finite and ≥ 0, got ${communication}`);
  const steps = trainingSteps(schedule, schedule.batch ?? step.batch);
  // Gradients are exchanged once per optimizer step: micro-batches of an accumulation run without sync (DDP no_sync).
  const stepsOfOptimizer = optimizerSteps(schedule, schedule.batch ?? step.batch);
  const communicationSeconds = stepsOfOptimizer * communication;
  const joules = gpus * (steps * step.joules_per_iter + communicationSeconds * step.avg_power_w);
  const basis = grid ?? { gco2PerKwh: step.gco2_per_kwh, pue: step.pue };
  const seconds = steps * step.seconds_per_iter + communicationSeconds;
  const kwh = (joules / JOULES_PER_KWH) * (basis.pue ?? 1);
  const gco2e = carbonOf(joules, basis);
  // The step's range scales the compute; the communication time carries it too (a stated estimate, no band of its own).
  const energy = (total: number) => scaledRange(total, step.joules_per_iter, step.range.joules_per_iter);
  return {
    steps: stepsOfOptimizer,
    microBatches: steps,
    seconds,
    joules,
    kwh,
    gco2e,
    cost: price ? costOf(joules, { perKwh: price.perKwh, pue: basis.pue }) : undefined,
    gpus,
    gpuHours: (gpus * seconds) / 3600,
    communicationSeconds,
    range: { seconds: scaledRange(seconds, step.seconds_per_iter, step.range.seconds_per_iter), joules: energy(joules), kwh: energy(kwh), gco2e: energy(gco2e), reason: step.range.reason },
  };
}

export interface ClusterRun {
  devices: number;
  /** Wall time of the run; or give `flops` and `achievedFlopsPerDevice` to derive it. */
  seconds?: number;
  flops?: number;
  achievedFlopsPerDevice?: number;
  /** Measured average power per device (W); else modelled from the profile at `utilisation`. */
  powerPerDeviceW?: number;
  hardware?: string | HardwareProfile;
  /** Busy fraction of the devices' dynamic power range, for a modelled power (default 1: flat out). */
  utilisation?: number;
  grid: CarbonBasis;
}

export interface ClusterRunEstimate {
  seconds: number;
  powerPerDeviceW: number;
  /** Facility energy (PUE included). */
  kwh: number;
  gco2e: number;
}

/** A multi-device run: energy = devices × power × time × PUE (Patterson et al. 2021, eq. 1); carbon at the grid's intensity. */
export function estimateClusterRun(run: ClusterRun): ClusterRunEstimate {
  const devices = positiveInteger(run.devices, "devices");
  let seconds = run.seconds;
  if (seconds === undefined) {
    if (!(run.flops && run.achievedFlopsPerDevice)) throw new Error("give the run's seconds, or its flops and achievedFlopsPerDevice");
    seconds = run.flops / (devices * run.achievedFlopsPerDevice);
  }
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`seconds must be finite and ≥ 0, got ${seconds}`);
  let power = run.powerPerDeviceW;
  if (power === undefined) {
    if (!run.hardware) throw new Error("give powerPerDeviceW or a hardware profile");
    const profile = typeof run.hardware === "string" ? hardwareProfile(run.hardware) : run.hardware;
    const utilisation = run.utilisation ?? 1;
    if (!(utilisation >= 0 && utilisation <= 1)) throw new RangeError(`utilisation must be within 0..1, got ${utilisation}`);
    power = profile.idlePowerW + (profile.powerLimitW - profile.idlePowerW) * utilisation;
  }
  const deviceJoules = devices * power * seconds;
  return {
    seconds,
    powerPerDeviceW: power,
    kwh: (deviceJoules / JOULES_PER_KWH) * (run.grid.pue ?? 1),
    gco2e: carbonOf(deviceJoules, run.grid),
  };
}
