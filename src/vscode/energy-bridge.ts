import type { ModelReport } from "../core/report/model-report";
import type { Settings } from "../core/config";
import { estimateModel, estimateTrainingRun, hardwareProfiles, hostProfiles, WORLD_AVERAGE_GCO2_PER_KWH } from "../core/energy";

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
}

/** What such a run costs. */
export interface TrainingEstimate {
  hours: number;
  kilowattHours: number;
  kilogramsCo2e: number;
  steps: number;
  /** The step's range carried to the run, and why it is that wide. */
  range: { hours: FigureRange; kilowattHours: FigureRange; kilogramsCo2e: FigureRange; reason: string };
  sources: string[];
}

const perItem = (range: FigureRange, count: number): FigureRange => ({ low: range.low / count, high: range.high / count });

/** The inference estimate for this model (per sample, at the configured batch), or undefined when none can be made. */
export function estimateInference(model: ModelReport, settings: Settings, intensity: IntensitySource = WORLD_AVERAGE_INTENSITY): InferenceEstimate | undefined {
  if (model.ops.length === 0) return undefined;
  try {
    const estimate = estimateModel(model, {
      hardware: settings.hardware,
      host: settings.host,
      dtype: settings.precision,
      mode: "inference",
      batch: settings.batchSize,
      carbon: { gco2PerKwh: intensity.gco2PerKwh },
    });
    return {
      hardware: estimate.hardware,
      batch: estimate.batch,
      precision: estimate.dtype,
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
      sources: [`hardware profile ${estimate.hardware} (datasheet figures: Greenlight: Select Hardware)`, `${Math.round(intensity.gco2PerKwh)} gCO2e/kWh: ${intensity.source}`],
    };
  } catch {
    // Unknown hardware or figures the model cannot use: the surfaces show parameters and FLOPs only.
    return undefined;
  }
}

/** The training-run estimate (forward, backward and optimizer per step, Adam), or an Error saying why not. */
export function estimateTraining(model: ModelReport, run: TrainingRun, settings: Settings, intensity: IntensitySource = WORLD_AVERAGE_INTENSITY): TrainingEstimate | Error {
  try {
    const step = estimateModel(model, { hardware: run.hardware, host: settings.host, dtype: settings.precision, mode: "train", batch: run.batch, carbon: { gco2PerKwh: intensity.gco2PerKwh } });
    const total = estimateTrainingRun(step, { epochs: run.epochs, samples: run.samples, batch: run.batch, dropLast: run.dropLast }, { gco2PerKwh: intensity.gco2PerKwh });
    // drop_last with fewer samples than one batch: no step runs, and a zero would read as "free".
    if (total.steps === 0) return new Error(`drop_last with ${run.samples} samples and batch ${run.batch}: no full batch, so no training step`);
    return {
      hours: total.seconds / 3600,
      kilowattHours: total.kwh,
      kilogramsCo2e: total.gco2e / 1000,
      steps: total.steps,
      range: {
        hours: perItem(total.range.seconds, 3600),
        kilowattHours: total.range.kwh,
        kilogramsCo2e: perItem(total.range.gco2e, 1000),
        reason: total.range.reason,
      },
      sources: [`hardware profile ${step.hardware}`, `${Math.round(intensity.gco2PerKwh)} gCO2e/kWh: ${intensity.source}`],
    };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Hardware profiles the energy model knows: id and name. */
export function knownHardware(): { id: string; name: string }[] {
  return hardwareProfiles().map((profile) => ({ id: profile.id, name: profile.name }));
}

/** Host classes the energy model knows: id and name. */
export function knownHosts(): { id: string; name: string }[] {
  return hostProfiles().map((host) => ({ id: host.id, name: host.name }));
}

/** Energy per inference of some modules (by path, children included), their share of the model's, the range the
 *  iteration's regime and hardware give it, and why; undefined when no estimate can be made. */
export function modulesEnergy(model: ModelReport, paths: string[], settings: Settings): { joules: number; share: number; range: FigureRange; reason: string } | undefined {
  if (model.ops.length === 0 || paths.length === 0) return undefined;
  try {
    const estimate = estimateModel(model, { hardware: settings.hardware, host: settings.host, dtype: settings.precision, mode: "inference", batch: settings.batchSize });
    const inside = (layerPath: string) => paths.some((path) => layerPath === path || layerPath.startsWith(`${path}.`));
    const chosen = estimate.layers.filter((layer) => inside(layer.path));
    const joules = chosen.reduce((sum, layer) => sum + layer.joules, 0) / estimate.batch;
    // The modules' share carries the iteration's relative range (one regime, one hardware distance).
    const relative = estimate.joules_per_iter > 0 ? { low: estimate.range.joules_per_iter.low / estimate.joules_per_iter, high: estimate.range.joules_per_iter.high / estimate.joules_per_iter } : { low: 1, high: 1 };
    return { joules, share: chosen.reduce((sum, layer) => sum + layer.share, 0), range: { low: joules * relative.low, high: joules * relative.high }, reason: estimate.range.reason };
  } catch {
    return undefined;
  }
}
