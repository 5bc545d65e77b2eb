// An inference script builds DataLoaders too (`DataLoader(test_set, batch_size=1)` to predict over): a batch read
// from one is a training run's only where the file trains. A file whose text names no training at all (no backward
// pass, optimizer or optimizer step, fit, trainer, training call or gradient update) but does name inference (eval
// mode, no_grad, loading weights, predicting), and whose plan holds nothing but that batch, states no run: no plan
// and no model run take the loader's batch for a training batch. Both tests read the text: a script that trains
// through another file's method (`agent.run(500)`) names no inference, and keeps its plan.

import { commentFreeText } from "../python/comment-free-text";
import { evaluatingTrainerNames } from "./evaluating-trainer";

/** The figures these rules look at (a TrainingPlan's; named here so this file imports nothing of the plan reader). */
export interface PlanFigures {
  epochs?: unknown;
  steps?: unknown;
  samples?: unknown;
  accumulation?: unknown;
  batch?: unknown;
  batchFromData?: unknown;
  precision?: { value: string };
}

/** Words of any training a file could hold or start: a backward pass, an optimizer or its step, a library's fit or
 *  trainer, a call named for training, TensorFlow's minimize/apply_gradients/tape, Keras' train_on_batch. A call
 *  named for something trained already (`from_pretrained(...)`, `load_trained_model(...)`) loads weights: no training. */
export const TRAINING_WORDS = /\bbackward\s*\(|\.step\s*\(|\boptim\b|\boptimi[sz]er|Optimizer\b|\bfit\w*\s*\(|[Tt]rainer\b|\w*train(?!ed)\w*\s*\(|\bminimize\s*\(|apply_gradients|GradientTape|\bcompile\s*\(|\bLearner\b|\blearner\b/;

/** Words of inference: eval mode, no_grad or inference_mode, loading weights or a saved model or graph, predicting,
 *  evaluating (a call of `evaluate(...)`: Keras' Model.evaluate, a script's own evaluation loop; its `def` is no call),
 *  and exporting a model for inference: fastai's `Learner.export` ("export the content of self without the items and
 *  the optimizer state for inference", docs.fast.ai/learner.html) and `load_learner`, `torch.onnx.export`.
 *  TensorFlow restores saved variables with `tf.train.Checkpoint(...).restore(path)` (TF 2) or `Saver().restore(sess,
 *  path)` (TF 1.x), often of `tf.train.latest_checkpoint(dir)`: loading weights, as `load_weights` is. */
export const INFERENCE_WORDS = /\.eval\s*\(\s*\)|\bno_grad\b|\binference_mode\b|\bload_state_dict\s*\(|\btorch\.load\s*\(|\bload_model\s*\(|\bload_weights\s*\(|\.predict\w*\s*\(|\bimport_graph_def\b|(?<!\bdef[ \t]+)\bevaluate\s*\(|\.restore\s*\(|\blatest_checkpoint\s*\(|\.export\s*\(|\bload_learner\s*\(/;

/** Where a plan says a figure came from (a PlanFigure's source and detail). */
export interface StatedFigure {
  source: string;
  detail: string;
}

/** A plan's figures with where its epochs and batch came from. */
export interface StatedPlanFigures extends PlanFigures {
  epochs?: StatedFigure;
  batch?: StatedFigure;
}

/** Whether the plan states epochs or a batch and nothing else of a run (no steps, samples, accumulation or precision
 *  other than fp32). */
export function epochsOrBatchOnly(plan: PlanFigures): boolean {
  return (plan.epochs !== undefined || plan.batch !== undefined) && !plan.steps && !plan.samples && !plan.accumulation && (!plan.precision || plan.precision.value === "fp32");
}

/** A file's code past its import lines, comments left out: what the "names no training" tests read. */
export function codePastImports(text: string): string {
  return commentFreeText(text).replace(IMPORT_LINE, "");
}

/** Whether the plan states nothing but a batch (no epochs, steps, samples, accumulation or precision of its own). */
function batchOnly(plan: PlanFigures): boolean {
  return plan.batch !== undefined && !plan.epochs && !plan.steps && !plan.samples && !plan.accumulation && (!plan.precision || plan.precision.value === "fp32");
}

/** Import lines: importing an optimizer (`from torch.optim import Adam`, left over in a prediction script) uses none. */
export const IMPORT_LINE = /^[ \t]*(?:from[ \t]+\S+[ \t]+)?import[ \t][^\n]*$/gm;

/** Whether a plan is an inference script's loader batch: only a batch, in a file whose code past its imports names
 *  inference and no training. The rows the loader walks (a folder the workspace holds is counted) and the dtype the
 *  weights are loaded in may stand beside it (`DataLoader(load_dataset("glue", "sst2")["validation"], batch_size=1)`
 *  over a bf16 model under `torch.inference_mode()`): they are the prediction's, with no epochs, steps or accumulation
 *  of a run. */
export function inferenceLoaderOnly(plan: PlanFigures, text: string): boolean {
  return predictionLoader(plan) && namesInferenceNotTraining(text);
}

/** Whether the plan states a batch and, at most, rows and a dtype: no epochs, steps or accumulation. */
function predictionLoader(plan: PlanFigures): boolean {
  return plan.batch !== undefined && !plan.epochs && !plan.steps && !plan.accumulation;
}

/** Whether the code past its imports names inference and no training. */
function namesInferenceNotTraining(text: string): boolean {
  const code = text.replace(IMPORT_LINE, "");
  return INFERENCE_WORDS.test(code) && !TRAINING_WORDS.test(code);
}

/** Whether a plan is an evaluation script's loader: only a batch (and its rows), in a file whose Lightning Trainers only test,
 *  validate or predict, and whose code past its imports and those Trainers names no other training. */
export function evaluationLoaderOnly(plan: PlanFigures, text: string): boolean {
  // The loader the Trainer evaluates over states its rows too: a plan of a batch and samples, and no more.
  return batchOnly({ ...plan, samples: undefined }) && trainersOnlyEvaluate(text);
}

/** Whether the file's Lightning Trainers only test, validate or predict, and its code past its imports and those
 *  Trainers names no other training. */
function trainersOnlyEvaluate(text: string): boolean {
  const names = evaluatingTrainerNames(text);
  if (!names) return false;
  let code = codePastImports(text).replace(/[\w.]*\bTrainer\b/g, "");
  for (const n of names) code = code.replace(new RegExp(`\\b${n}\\b`, "g"), "");
  return !TRAINING_WORDS.test(code);
}

/** Whether a plan states no run of an evaluation script: no epochs, steps, samples, accumulation or batch (at most the
 *  precision its Trainer is built with, `Trainer(precision="16-mixed")`, or config files it names), in a file whose
 *  Trainers only evaluate. That precision is the evaluation's, not a training run's (evaluating-trainer.ts). */
export function evaluationWithoutRun(plan: PlanFigures, text: string): boolean {
  if (plan.batch !== undefined || plan.batchFromData !== undefined || plan.epochs || plan.steps || plan.samples || plan.accumulation) return false;
  return trainersOnlyEvaluate(text);
}

/** Whether a plan states no run of an inference script: no epochs, steps, samples, accumulation or batch (at most the
 *  dtype its weights are loaded in, or config files it names), in a file whose code past its imports names inference
 *  and no training. Such a plan's dtype and missing config would be a run's that nothing starts. */
export function inferenceWithoutRun(plan: PlanFigures, text: string): boolean {
  if (plan.batch !== undefined || plan.batchFromData !== undefined || plan.epochs || plan.steps || plan.samples || plan.accumulation) return false;
  return namesInferenceNotTraining(text);
}
