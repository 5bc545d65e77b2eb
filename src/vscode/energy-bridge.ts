import type { ModelReport } from "../core/report/model-report";
import type { Settings } from "../core/config";

// The editor's view of the energy model (src/core/energy). Until that module exports an estimate function the
// surfaces show parameters and FLOPs only: no figure is invented here.

/** Energy and carbon of one inference on the chosen hardware, with where the figures came from. */
export interface InferenceEstimate {
  hardware: string;
  batch: number;
  joulesPerInference: number;
  /** Grams of CO2e per 1,000 inferences at the region's intensity. */
  gramsCo2ePerThousand: number;
  /** Which profile and intensity were used, for the tooltip. */
  sources: string[];
}

/** A training run as the report's calculator describes it. */
export interface TrainingRun {
  epochs: number;
  samples: number;
  batch: number;
  hardware: string;
  region: string;
}

/** What such a run costs. */
export interface TrainingEstimate {
  hours: number;
  kilowattHours: number;
  kilogramsCo2e: number;
  sources: string[];
}

/** The inference estimate for this model, or undefined while no energy model is available. */
export function estimateInference(model: ModelReport, settings: Settings): InferenceEstimate | undefined {
  void model;
  void settings;
  return undefined;
}

/** The training-run estimate, or undefined while no energy model is available. */
export function estimateTraining(model: ModelReport, run: TrainingRun, settings: Settings): TrainingEstimate | undefined {
  void model;
  void run;
  void settings;
  return undefined;
}

/** Hardware names the energy model has profiles for (falls back to the current setting alone). */
export function knownHardware(settings: Settings): string[] {
  return [settings.hardware];
}
