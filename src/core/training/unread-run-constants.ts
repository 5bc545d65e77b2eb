// A script that loads or scores a model often keeps its training settings (`epoch = 700`, `bsz = 100`) with the
// training code commented out: the constants are left, nothing reads them, and the file trains nothing. A plan whose
// every figure is such a constant, read nowhere in the code but where it is bound, in a file whose code past its
// imports names no training (inference-only.ts's words, comments left out, names of training data such as
// `train_test_split` read as data), states no run. A constant the code reads, or any training word, keeps the plan:
// the constant then is the fallback the code states.
import { TRAINING_DATA_NAME } from "./data-only-script";
import { codePastImports, epochsOrBatchOnly, TRAINING_WORDS, type StatedFigure, type StatedPlanFigures } from "./inference-only";

/** Whether a figure is a constant bound by a plain assignment (`NAME = value`; a config dict's key, which the dict
 *  carries wherever it goes, is not one) whose name the code holds once, where it is bound. */
function unreadConstant(figure: StatedFigure, code: string): boolean {
  const bound = figure.source === "code" ? /^(\w+) = /.exec(figure.detail) : null;
  if (!bound || !new RegExp(`^[ \\t]*${bound[1]}[ \\t]*=(?!=)`, "m").test(code)) return false;
  return (code.match(new RegExp(`\\b${bound[1]}\\b`, "g")) ?? []).length === 1;
}

/** Whether a plan holds only constants nothing reads, in a file whose code names no training. */
export function unreadConstantsOnly(plan: StatedPlanFigures, text: string): boolean {
  if (!epochsOrBatchOnly(plan)) return false;
  const code = codePastImports(text);
  for (const figure of [plan.epochs, plan.batch]) if (figure && !unreadConstant(figure, code)) return false;
  return !TRAINING_WORDS.test(code.replace(TRAINING_DATA_NAME, "data"));
}
