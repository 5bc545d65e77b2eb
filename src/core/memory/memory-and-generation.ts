// A model's memory, fit and (for a language model in a file that generates) generation, under one set of estimate
// settings: what the CLI's estimate.memory/estimate.generation, the hover, the CodeLens and the report show.
import type { AnalysisResult } from "../analyze";
import { trainingPlanOf } from "../analysis-result";
import type { Precision } from "../energy/precision";
import { estimateGeneration, isLanguageModel, type GenerationEstimate } from "../generation/generation-estimate";
import { resolveGeneration, type ResolvedGeneration } from "../generation/generation-plan";
import type { ModelReport } from "../report/model-report";
import { resolveParallelRun, type ParallelRun } from "../parallel/parallel-run";
import { estimateMemory, reportBatch, type MemoryEstimate } from "./memory-estimate";
import { checkFit, memoryOptions, type FitCheck, type MemoryContext } from "./memory-fit";

/** The estimate settings these figures need. */
export interface MemorySettings {
  hardware: string;
  dtype: Precision;
  mode: "inference" | "train";
  pue?: number;
  gco2PerKwh?: number;
  /** GPUs of a training run where the code and its launch files do not say (--gpus, greenlight.gpus). */
  gpus?: number;
}

/** A model's memory, fit and generation figures. */
export interface MemoryAndGeneration {
  memory: MemoryEstimate;
  optimizerSource: "code" | "default";
  /** The batch whose activations are counted (per GPU on several). */
  batch: number;
  fit?: FitCheck;
  /** A training step on several GPUs: the memory and fit are per GPU. */
  parallel?: ParallelRun;
  generation?: { resolved: ResolvedGeneration; estimate: GenerationEstimate };
}

/** Works out memory and generation figures for one model of an analyzed file. */
export function memoryAndGeneration(report: ModelReport, result: (Pick<AnalysisResult, "generations" | "runSetup" | "training"> & Partial<Pick<AnalysisResult, "models" | "modelTraining">>) | undefined, settings: MemorySettings): MemoryAndGeneration {
  const plan = result?.generations?.[0];
  const resolved = plan && isLanguageModel(report) ? resolveGeneration(plan, report.inputs[0]?.shape) : undefined;
  // The plan of the loop that trains this model (a notebook may train several in turn), as its run is read.
  const training = result ? trainingPlanOf(result, report) : undefined;
  const parallel = settings.mode === "train" ? resolveParallelRun(training?.parallel, settings.gpus).run : undefined;
  // A training step's memory is that of the batch the training code loads (as the run's step is), not the model
  // input's: the activations grow with it.
  const context: MemoryContext = { hardware: settings.hardware, dtype: settings.dtype, mode: settings.mode, setup: result?.runSetup, generation: resolved, batch: settings.mode === "train" ? training?.batch?.value : undefined, parallel };
  const options = memoryOptions(report, context);
  const memory = estimateMemory(report, options);
  const generation = resolved
    ? {
      resolved,
      estimate: estimateGeneration(report, { promptTokens: resolved.promptTokens.value, newTokens: resolved.newTokens.value, batch: resolved.batch.value, beams: resolved.beams.value }, {
        hardware: settings.hardware,
        dtype: settings.dtype,
        carbon: settings.gco2PerKwh === undefined ? undefined : { gco2PerKwh: settings.gco2PerKwh, pue: settings.pue ?? 1 },
      }),
    }
    : undefined;
  return { memory, optimizerSource: options.optimizerSource, batch: options.batch ?? reportBatch(report), fit: checkFit(report, context, memory), ...(parallel ? { parallel } : {}), generation };
}
