// A hand-written step loop in a branch the plain run does not take, beside a Keras fit it does take: `if 1:
// model.fit(x, y, epochs=100, batch_size=64)` with `else: for step in range(100): model.train_on_batch(x, y)`.
// Python runs the fit and skips the loop, so the loop's count is not the run's steps. Where nothing else trains the
// skipped loop's figures still stand, with a note (skipped-by-default.ts): whoever opens the script means to train.
import type { Expression } from "../python/ast";
import type { CodeSite } from "./code-sites";
import { importsKeras } from "./foreign-keras-fit";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** Keras' training calls (keras.io/api/models/model_training_apis; fit_generator in Keras 1/2). */
const KERAS_FIT = /^(fit|fit_generator)$/;

/** Whether a file importing Keras or TensorFlow (`text`) makes a fit call, given something to train on, that the
 *  plain run reaches: `kerasFit` says whether a call is Keras' (not a scikit-learn estimator's), `runs` whether the
 *  defaults reach it. */
export function fitRunsByDefault(sites: readonly CodeSite[], text: string, kerasFit: (site: CallSite) => boolean, runs: (site: CallSite) => boolean): boolean {
  return importsKeras(text) && sites.some((s) => s.kind === "call" && s.call.func.type === "attribute" && KERAS_FIT.test(s.call.func.name) && s.call.args.length > 0 && kerasFit(s) && runs(s));
}

/** Whether a loop under `conditions` is one the defaults decide against (`gate` finds the first such test). */
export function skippedByDefaults(conditions: { test: Expression; holds: boolean }[] | undefined, gate: (conditions: { test: Expression; holds: boolean }[]) => unknown): boolean {
  return conditions !== undefined && conditions.length > 0 && gate(conditions) !== undefined;
}
