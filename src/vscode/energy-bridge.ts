import type { ModelReport } from "../core/report/model-report";
import type { Settings } from "../core/config";
import type { ParallelTraining } from "../core/training/resolve-run";
import { perGpuBatch, strategyName } from "../core/parallel/parallel-run";
import type { ParallelSource } from "../core/parallel/parallel-setup";
import { estimateModel, estimateTrainingRun, hardwareProfile, hardwareProfiles, hostProfiles, resolveHost, WORLD_AVERAGE_GCO2_PER_KWH } from "../core/energy";
import { fitCalibration, type ProfileCalibration } from "../core/energy/calibration";
import { summarizeRuns, type CodeCarbonRun, type MeasuredSummary } from "../core/energy/codecarbon";
import { inferenceFigureText, precisionText, type InferenceFigureText } from "../core/energy/figure-text";
import { formatDuration, formatIntensity } from "../core/report/format";
import { estimatePrecision, type Precision } from "../core/energy/precision";

// The editor's view of the energy model (src/core/energy, docs/energy.md): per-inference energy and carbon for the
// CodeLens and report, and the report's training-run calculator. The figures and their sources are the core's.

/** Grid intensity to use for carbon, and where it came from. */
export interface IntensitySource {
  gco2PerKwh: number;
  source: string;
}

/** The world average when no grid reading is available (Green Algorithms' WORLD row, via src/core/energy). */
export const WORLD_AVERAGE_INTENSITY: IntensitySource = {
  gco2PerKwh: WORLD_AVERAGE_GCO2_PER_KWH,
  source: "world average grid intensity (Green Algorithms CI_aggregated.csv)",
};

/** Energy and carbon of one inference on the chosen hardware, with where the figures came from. */
export interface InferenceEstimate {
  hardware: string;
  batch: number;
  precision: string;
  joulesPerInference: number;
  /** Grams of CO2e per 1,000 inferences at the grid intensity used. */
  gramsCo2ePerThousand: number;
  secondsPerBatch: number;
  bound: string;
  /** The figures worded as every surface shows them (per sample, per 1,000 samples, per batch forward). */
  text: InferenceFigureText;
  /** Where the measured figures are expected to lie (per inference, per 1,000, per batch) and why. */
  range: { joulesPerInference: FigureRange; gramsCo2ePerThousand: FigureRange; secondsPerBatch: FigureRange; reason: string };
  sources: string[];
}

/** A figure's interval. */
export interface FigureRange {
  low: number;
  high: number;
}

/** A training run as the report's calculator describes it. */
export interface TrainingRun {
  epochs: number;
  samples: number;
  batch: number;
  hardware: string;
  /** Skip each epoch's last partial batch (DataLoader's drop_last); kept when absent. */
  dropLast?: boolean;
  /** A step-based run (max_iters): its optimizer steps; epochs and samples then unused. */
  steps?: number;
  /** Micro-batches per optimizer step, in a step-based run or an epoch-based one. */
  accumulation?: number;
  /** The precision the training code sets (autocast, .half()); the settings' precision when absent. */
  precision?: Settings["precision"];
  /** A run on several GPUs (the code's data parallelism, else greenlight.gpus): `batch` is then the code's. */
  parallel?: ParallelTraining;
}

/** What such a run costs. */
export interface TrainingEstimate {
  hours: number;
  kilowattHours: number;
  kilogramsCo2e: number;
  /** Optimizer steps, and the forward-and-backward passes they take (more with gradient accumulation). */
  steps: number;
  microBatches: number;
  /** GPUs in all, and GPUs × wall time. */
  gpus: number;
  gpuHours: number;
  /** The step's range carried to the run, and why it is that wide. */
  range: { hours: FigureRange; kilowattHours: FigureRange; kilogramsCo2e: FigureRange; reason: string };
  sources: string[];
}

const perItem = (range: FigureRange, count: number): FigureRange => ({ low: range.low / count, high: range.high / count });

/** The precision the editor estimates a model at: greenlight.precision where the user set it, else the precision
 *  the model's code sets (as the CLI without --dtype). */
export function editorPrecision(model: ModelReport, settings: Settings): Precision {
  return estimatePrecision(model, settings.precisionChosen ? settings.precision : undefined);
}

/** Where a figure that could not be made is reported (the editor's output channel): a bug in the energy model must
 *  not become a missing figure with nothing said. */
export type EstimateProblems = (figure: string, error: unknown) => void;

/** Problems written to the editor's log as warnings, with the error's stack. */
export function loggedProblems(log: { warn(message: string): void }): EstimateProblems {
  return (figure, error) => log.warn(`no figure for ${figure}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** The last estimate of each model and what it was made for: the lenses, hover and report ask again for the same
 *  analysis (each keystroke's CodeLens request), and the energy model walks every op of a large model. */
const lastInference = new WeakMap<ModelReport, { key: string; estimate: InferenceEstimate | undefined }>();

/** The inference estimate for this model (per sample, at the configured batch), or undefined when none can be made. */
export function estimateInference(model: ModelReport, settings: Settings, intensity: IntensitySource = WORLD_AVERAGE_INTENSITY, problems?: EstimateProblems): InferenceEstimate | undefined {
  if (model.ops.length === 0) return undefined;
  const key = JSON.stringify([settings.hardware, settings.host, settings.calibration, editorPrecision(model, settings), settings.batchSize, intensity.gco2PerKwh, intensity.source]);
  const last = lastInference.get(model);
  if (last?.key === key) return last.estimate;
  const estimate = computeInference(model, settings, intensity, problems);
  lastInference.set(model, { key, estimate });
  return estimate;
}

function computeInference(model: ModelReport, settings: Settings, intensity: IntensitySource, problems: EstimateProblems | undefined): InferenceEstimate | undefined {
  try {
    const estimate = estimateModel(model, {
      hardware: settings.hardware,
      host: settings.host,
      calibration: settings.calibration ?? undefined,
      dtype: editorPrecision(model, settings),
      mode: "inference",
      batch: settings.batchSize,
      carbon: { gco2PerKwh: intensity.gco2PerKwh },
    });
    return {
      hardware: estimate.hardware,
      batch: estimate.batch,
      precision: precisionText(estimate),
      joulesPerInference: estimate.joules_per_iter / estimate.batch,
      gramsCo2ePerThousand: (estimate.gco2e_per_iter / estimate.batch) * 1000,
      secondsPerBatch: estimate.seconds_per_iter,
      bound: estimate.bound,
      range: {
        joulesPerInference: perItem(estimate.range.joules_per_iter, estimate.batch),
        gramsCo2ePerThousand: perItem(estimate.range.gco2e_per_iter, estimate.batch / 1000),
        secondsPerBatch: estimate.range.seconds_per_iter,
        reason: estimate.range.reason,
      },
      text: inferenceFigureText(estimate),
      sources: [`hardware profile ${estimate.hardware} (datasheet figures: Greenlight: Select Hardware)`, `${formatIntensity(intensity.gco2PerKwh)}: ${intensity.source}`],
    };
  } catch (error) {
    // Unknown hardware or figures the model cannot use: the surfaces show parameters and FLOPs only, and say why in the log.
    problems?.(`the energy of ${model.name} on ${settings.hardware}`, error);
    return undefined;
  }
}

/** The training-run estimate (forward, backward and optimizer per step, Adam), or an Error saying why not. */
export function estimateTraining(model: ModelReport, run: TrainingRun, settings: Settings, intensity: IntensitySource = WORLD_AVERAGE_INTENSITY): TrainingEstimate | Error {
  try {
    const parallel = run.parallel;
    // On several GPUs the step is one GPU's (DataParallel splits the batch; the others run it in each process).
    const batch = parallel ? perGpuBatch(parallel.run, run.batch) : run.batch;
    const replicas = parallel && parallel.run.kind !== "dp" ? parallel.run.gpus : undefined;
    const step = estimateModel(model, { hardware: run.hardware, host: settings.host, calibration: settings.calibration ?? undefined, dtype: run.precision ?? editorPrecision(model, settings), mode: "train", batch, carbon: { gco2PerKwh: intensity.gco2PerKwh } });
    const schedule = run.steps !== undefined ? { steps: run.steps, accumulation: run.accumulation, batch: run.batch, replicas } : { epochs: run.epochs, samples: run.samples, batch: run.batch, dropLast: run.dropLast, accumulation: run.accumulation, replicas };
    const onGpus = parallel ? { gpus: parallel.run.gpus, communicationSeconds: parallel.communication?.seconds ?? 0 } : undefined;
    const total = estimateTrainingRun(step, schedule, { gco2PerKwh: intensity.gco2PerKwh }, undefined, onGpus);
    // drop_last with fewer samples than one batch: no step runs, and a zero would read as "free".
    if (total.steps === 0) return new Error(`drop_last with ${run.samples} samples and batch ${run.batch}: no full batch, so no training step`);
    return {
      hours: total.seconds / 3600,
      kilowattHours: total.kwh,
      kilogramsCo2e: total.gco2e / 1000,
      steps: total.steps,
      microBatches: total.microBatches,
      gpus: total.gpus,
      gpuHours: total.gpuHours,
      range: {
        hours: perItem(total.range.seconds, 3600),
        kilowattHours: total.range.kwh,
        kilogramsCo2e: perItem(total.range.gco2e, 1000),
        reason: total.range.reason,
      },
      sources: [
        `hardware profile ${step.hardware}`,
        ...(parallel ? parallelSources(parallel, step.batch) : []),
        `${formatIntensity(intensity.gco2PerKwh)}: ${intensity.source}`,
      ],
    };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** What a run on several GPUs assumed, in words: the GPUs and strategy with their sources, and the communication. */
function parallelSources(parallel: ParallelTraining, batch: number): string[] {
  const { run, communication } = parallel;
  const where = (s: ParallelSource) => (s.from === "settings" ? "greenlight.gpus" : `${s.detail}${s.line ? `, line ${s.line}` : ""}`);
  return [
    `${run.gpus} GPUs (${where(run.sources.gpus)}), ${strategyName(run)} (${where(run.sources.kind)}), batch ${batch} per GPU`,
    communication
      ? `communication per step: ${formatDuration(communication.seconds)} over ${communication.link}; ${communication.formula}; ${communication.assumption}`
      : "no device-to-device link in the data for this hardware: communication not counted",
    "energy = GPUs × the step's power × (compute + communication)",
  ];
}

/** Hardware profiles the energy model knows: id and name. */
export function knownHardware(): { id: string; name: string }[] {
  return hardwareProfiles().map((profile) => ({ id: profile.id, name: profile.name }));
}

/** Host classes the energy model knows: id and name. */
export function knownHosts(): { id: string; name: string }[] {
  return hostProfiles().map((host) => ({ id: host.id, name: host.name }));
}

/** Energy per sample of some modules (by path, children included), their share of the model's, the range the
 *  iteration's regime and hardware give it, and why; undefined when no estimate can be made. */
export function modulesEnergy(
  model: ModelReport,
  paths: string[],
  settings: Settings,
  problems?: EstimateProblems,
): { joules: number; share: number; range: FigureRange; reason: string; hardware: string; dtype: string; quantized?: string; batch: number } | undefined {
  if (model.ops.length === 0 || paths.length === 0) return undefined;
  try {
    const estimate = estimateModel(model, { hardware: settings.hardware, host: settings.host, calibration: settings.calibration ?? undefined, dtype: editorPrecision(model, settings), mode: "inference", batch: settings.batchSize });
    const inside = (layerPath: string) => paths.some((path) => layerPath === path || layerPath.startsWith(`${path}.`));
    const chosen = estimate.layers.filter((layer) => inside(layer.path));
    const joules = chosen.reduce((sum, layer) => sum + layer.joules, 0) / estimate.batch;
    // The modules' share carries the iteration's relative range (one regime, one hardware distance).
    const relative = estimate.joules_per_iter > 0 ? { low: estimate.range.joules_per_iter.low / estimate.joules_per_iter, high: estimate.range.joules_per_iter.high / estimate.joules_per_iter } : { low: 1, high: 1 };
    return { joules, share: chosen.reduce((sum, layer) => sum + layer.share, 0), range: { low: joules * relative.low, high: joules * relative.high }, reason: estimate.range.reason, hardware: estimate.hardware, dtype: estimate.dtype, quantized: estimate.quantized, batch: estimate.batch };
  } catch (error) {
    problems?.(`the energy of ${paths.join(", ")} in ${model.name} on ${settings.hardware}`, error);
    return undefined;
  }
}

/** The report's "measured beside estimated": what CodeCarbon measured for this script, and what the estimate says
 *  for the same run (the calculator's epochs, samples, batch and hardware). */
export interface MeasuredBeside {
  /** The file and project the runs came from. */
  file: string;
  project: string;
  measured: MeasuredSummary;
  /** The accelerator energy CodeCarbon measured per device (kWh): its GPU energy, or its CPU energy on a CPU profile. */
  measuredDeviceKwh: number;
  /** The estimate for the same run: hours, device kWh (no PUE: CodeCarbon measures the device) and its range. */
  estimated: { hours: number; deviceKwh: number; range: FigureRange; reason: string } | null;
  /** Why there is no estimate to compare with. */
  message?: string;
  /** The calibration in effect for this hardware, if any ("calibrated from 3 runs"). */
  calibratedRuns?: number;
  hardware: string;
}

/** The device energy of one CodeCarbon run (J) on a profile of this kind: GPU energy per GPU, else CPU energy. */
function deviceJoules(run: Pick<CodeCarbonRun, "gpuKwh" | "cpuKwh" | "gpuCount">, kind: string): number {
  const kwh = kind === "cpu" ? run.cpuKwh : run.gpuKwh / Math.max(1, run.gpuCount);
  return kwh * 3.6e6;
}

/** The training run's device seconds, joules and regime under a candidate calibration (no PUE, no grid). */
function runFigures(model: ModelReport, run: TrainingRun, settings: Settings, calibration: ProfileCalibration | undefined) {
  const step = estimateModel(model, { hardware: run.hardware, host: settings.host, calibration, dtype: editorPrecision(model, settings), mode: "train", batch: run.batch });
  const total = estimateTrainingRun(step, { epochs: run.epochs, samples: run.samples, batch: run.batch, dropLast: run.dropLast });
  return { seconds: total.seconds, joules: total.joules, bound: step.bound, range: total.range, step };
}

/** Measured beside estimated for a script's CodeCarbon runs, or undefined when there are none. */
export function measuredBeside(model: ModelReport, run: TrainingRun, settings: Settings, runs: readonly CodeCarbonRun[], source: { file: string; project: string }): MeasuredBeside | undefined {
  const measured = summarizeRuns(runs);
  if (!measured) return undefined;
  let kind = "gpu";
  try {
    kind = hardwareProfile(run.hardware).kind;
  } catch {
    // Unknown hardware: the estimate below says why.
  }
  const perRun = runs.map((r) => deviceJoules(r, kind)).sort((a, b) => a - b);
  const view: MeasuredBeside = { ...source, measured, measuredDeviceKwh: perRun[Math.floor((perRun.length - 1) / 2)] / 3.6e6, estimated: null, hardware: run.hardware };
  const calibration = settings.calibration && settings.calibration.hardware === run.hardware ? settings.calibration : undefined;
  if (calibration) view.calibratedRuns = calibration.runs;
  try {
    const figures = runFigures(model, run, settings, calibration);
    if (!(figures.seconds > 0)) throw new Error("the run has no training step (drop_last with fewer samples than one batch)");
    view.estimated = { hours: figures.seconds / 3600, deviceKwh: figures.joules / 3.6e6, range: { low: figures.range.kwh.low, high: figures.range.kwh.high }, reason: figures.range.reason };
    // estimateTrainingRun's kWh includes no PUE here (none given), so it is the device's.
  } catch (error) {
    view.message = error instanceof Error ? error.message : String(error);
  }
  return view;
}

/** Fits the run's hardware profile (and its host) to CodeCarbon runs of the same script and calculator run. */
export function calibrateToRuns(model: ModelReport, run: TrainingRun, settings: Settings, runs: readonly CodeCarbonRun[], source: string): ProfileCalibration {
  const profile = hardwareProfile(run.hardware);
  const host = resolveHost(profile, settings.host);
  return fitCalibration(
    profile,
    host,
    runs.map((r) => ({ measured: { seconds: r.durationSeconds, joules: deviceJoules(r, profile.kind) }, estimate: (c: ProfileCalibration) => runFigures(model, run, settings, c) })),
    source,
  );
}
