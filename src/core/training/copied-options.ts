// A prediction or generation script often copies its training script's command line (`--max-epochs`, `--batch-size`,
// parsed so that the same dataset or vocabulary object can be built from `args`): those defaults set no run where
// the file trains nothing. A plan whose every figure is such an option's default, in a file whose code past its
// imports names no training (inference-only.ts's words, comments left out) and does name prediction (eval mode,
// loaded weights, or a call of a function named predict...: `predict(dataset, model, text)` imported from the
// training script), states no run. A file that names no prediction either keeps its plan: it may start another
// file's training through a call of any name.

import { codePastImports, epochsOrBatchOnly, INFERENCE_WORDS, TRAINING_WORDS, type StatedFigure, type StatedPlanFigures } from "./inference-only";

/** A call of a function named for prediction, bare or as a method (`predict(...)`, `model.predict_proba(...)`). */
const PREDICTION_CALL = /(?<!\w)predict\w*\s*\(/;

/** A figure read from a command-line option's default (argparse or absl). */
function optionDefault(figure: StatedFigure | undefined): boolean {
  return figure === undefined || (figure.source === "code" && /^(?:argparse|absl flag) /.test(figure.detail));
}

/** Whether a plan is a prediction script's copied command line: epochs or a batch, each an option's default, and
 *  nothing else of a run, in a file whose code past its imports names prediction and no training. */
export function copiedOptionsOnly(plan: StatedPlanFigures, text: string): boolean {
  if (!epochsOrBatchOnly(plan) || !optionDefault(plan.epochs) || !optionDefault(plan.batch)) return false;
  const code = codePastImports(text);
  return !TRAINING_WORDS.test(code) && (INFERENCE_WORDS.test(code) || PREDICTION_CALL.test(code));
}
