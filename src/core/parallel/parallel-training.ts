// A model's training run on several GPUs: the run resolved from the code, its launch files and the settings, and the
// bytes each step communicates (the gradients and weights of the model as it trains).
import { weightBytes, type WeightFormat } from "../memory/memory-estimate";
import type { ModelReport } from "../report/model-report";
import type { ParallelTraining } from "../training/resolve-run";
import { resolveParallelRun, stepCommunication } from "./parallel-run";
import type { ParallelSetup } from "./parallel-setup";

/** The parallel training of a model, or undefined on one GPU; notes say what was assumed or missing. */
export function parallelTraining(report: ModelReport, setup: ParallelSetup | undefined, settings: { gpus?: number; hardware: string; weights?: WeightFormat }): { training?: ParallelTraining; notes: string[] } {
  const resolution = resolveParallelRun(setup, settings.gpus);
  if (!resolution.run) return { notes: resolution.notes };
  const format = settings.weights ?? "fp32";
  // Gradients are kept at the parameters' dtype (fp32 under autocast; 16-bit for .half()/.bfloat16() weights).
  const gradientBytes = report.trainableParams * (format === "bf16" || format === "fp16" ? 2 : 4);
  const communication = stepCommunication(resolution.run, settings.hardware, { gradients: gradientBytes, weights: weightBytes(report, format) });
  return { training: { run: resolution.run, communication }, notes: resolution.notes };
}
