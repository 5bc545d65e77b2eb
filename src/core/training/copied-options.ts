// A prediction or generation script often copies its training script's command line (`--max-epochs`, `--batch-size`,
// parsed so that the same dataset or vocabulary object can be built from `args`): those defaults set no run where
// the file trains nothing. A plan whose every figure is such an option's default, in a file whose code past its
// imports names no training (inference-only.ts's words, comments left out) and does name prediction (eval mode,
// loaded weights, or a call of a function named predict...: `predict(dataset, model, text)` imported from the
// training script), states no run. A file that names no prediction either keeps its plan: it may start another
// file's training through a call of any name.

import { commentFreeText } from "../python/comment-free-text";
import { IMPORT_LINE, INFERENCE_WORDS, TRAINING_WORDS } from "./inference-only";

/** A figure of a plan: what it says it was read from. */
interface OptionFigure {
  source: string;
  detail: string;
}

/** The figures this rule looks at (a TrainingPlan's). */
export interface OptionPlanFigures {
  epochs?: OptionFigure;
  batch?: OptionFigure;
  steps?: unknown;
  samples?: unknown;
  accumulation?: unknown;
  precision?: { value: string };
}

/** A call of a function named for prediction, bare or as a method (`predict(...)`, `model.predict_proba(...)`). */
const PREDICTION_CALL = /(?<!\w)predict\w*\s*\(/;

/** A figure read from a command-line option's default (argparse or absl). */
function optionDefault(figure: OptionFigure | undefined): boolean {
  return figure === undefined || (figure.source === "code" && /^(?:argparse|absl flag) /.test(figure.detail));
}

/** Whether a plan is a prediction script's copied command line: epochs or a batch, each an option's default, and
 *  nothing else of a run, in a file whose code past its imports names prediction and no training. */
export function copiedOptionsOnly(plan: OptionPlanFigures, text: string): boolean {
  if (!plan.epochs && !plan.batch) return false;
  if (plan.steps || plan.samples || plan.accumulation || (plan.precision && plan.precision.value !== "fp32")) return false;
  if (!optionDefault(plan.epochs) || !optionDefault(plan.batch)) return false;
  const code = commentFreeText(text).replace(IMPORT_LINE, "");
  return !TRAINING_WORDS.test(code) && (INFERENCE_WORDS.test(code) || PREDICTION_CALL.test(code));
}
